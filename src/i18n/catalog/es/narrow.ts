import type { Shape } from '../shape.ts';
import type { narrow as en } from '../en/narrow.ts';

/** Spanish strings of the narrow area: the same keys as English (the type checks it). */
export const narrow: Shape<typeof en> = {
  teachPanel: { tab: 'Panel de Enseñar', title: 'Controles de avance y el paso actual (→ avanza, ← retrocede, Espacio reproduce)' },
};
