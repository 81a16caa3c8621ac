import type { Shape } from '../shape.ts';
import type { store as en } from '../en/store.ts';

/** Spanish strings of the store area: the same keys as English (the type checks it). */
export const store: Shape<typeof en> = {};
