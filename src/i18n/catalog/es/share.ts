import type { Shape } from '../shape.ts';
import type { share as en } from '../en/share.ts';

/** Spanish strings of the share area: the same keys as English (the type checks it). */
export const share: Shape<typeof en> = {};
