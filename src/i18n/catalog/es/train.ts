import type { Shape } from '../shape.ts';
import type { train as en } from '../en/train.ts';

/** Spanish strings of the train area: the same keys as English (the type checks it). */
export const train: Shape<typeof en> = {};
