import type { Shape } from '../shape.ts';
import type { palette as en } from '../en/palette.ts';

/** Spanish strings of the palette area: the same keys as English (the type checks it). */
export const palette: Shape<typeof en> = {
  label: 'Paleta',
  search: 'Buscar operaciones',
  item: '{{symbol}}  {{name}}: {{description}}\nArrástrala al lienzo o haz clic para añadirla en el centro.',
  none: 'Ninguna operación coincide con «{{query}}».',
  added: 'Se ha añadido {{op}} {{label}} en el centro del lienzo. El enlace para saltar al lienzo, arriba, lleva hasta él.',
};
