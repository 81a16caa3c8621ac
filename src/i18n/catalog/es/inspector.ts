import type { Shape } from '../shape.ts';
import type { inspector as en } from '../en/inspector.ts';

/** Spanish strings of the inspector area: the same keys as English (the type checks it). */
export const inspector: Shape<typeof en> = {};
