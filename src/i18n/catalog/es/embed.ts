import type { Shape } from '../shape.ts';
import type { embed as en } from '../en/embed.ts';

/** Spanish strings of the embed area: the same keys as English (the type checks it). */
export const embed: Shape<typeof en> = {
  label: 'GraphGrad (integrado)',
  undo: 'Deshacer',
  open: 'Abrir en GraphGrad ↗',
};
