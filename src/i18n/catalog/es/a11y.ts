import type { Shape } from '../shape.ts';
import type { a11y as en } from '../en/a11y.ts';

/** Spanish strings of the a11y area: the same keys as English (the type checks it). */
export const a11y: Shape<typeof en> = {};
