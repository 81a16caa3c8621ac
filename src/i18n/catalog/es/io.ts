import type { Shape } from '../shape.ts';
import type { io as en } from '../en/io.ts';

/** Spanish strings of the io area: the same keys as English (the type checks it). */
export const io: Shape<typeof en> = {};
