import type { Shape } from '../shape.ts';
import type { teach as en } from '../en/teach.ts';

/** Spanish strings of the teach area: the same keys as English (the type checks it). */
export const teach: Shape<typeof en> = {};
