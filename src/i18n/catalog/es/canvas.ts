import type { Shape } from '../shape.ts';
import type { canvas as en } from '../en/canvas.ts';

/** Spanish strings of the canvas area: the same keys as English (the type checks it). */
export const canvas: Shape<typeof en> = {};
