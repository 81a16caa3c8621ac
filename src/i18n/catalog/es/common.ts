import type { Shape } from '../shape.ts';
import type { common as en } from '../en/common.ts';

/** Spanish strings of the common area: the same keys as English (the type checks it). */
export const common: Shape<typeof en> = {
  drawers: {
    palette: { tab: 'Operaciones', title: 'Las operaciones que puedes añadir al grafo' },
    inspector: { tab: 'Inspector', title: 'Los ajustes del nodo seleccionado, o los del grafo' },
  },
};
