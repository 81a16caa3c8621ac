import type { Shape } from '../shape.ts';
import type { palette as en } from '../en/palette.ts';

/** Spanish strings of the palette area: the same keys as English (the type checks it). */
export const palette: Shape<typeof en> = {};
