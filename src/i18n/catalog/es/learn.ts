import type { Shape } from '../shape.ts';
import type { learn as en } from '../en/learn.ts';

/** Spanish strings of the learn area: the same keys as English (the type checks it). */
export const learn: Shape<typeof en> = {};
