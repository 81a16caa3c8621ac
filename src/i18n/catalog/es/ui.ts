import type { Shape } from '../shape.ts';
import type { ui as en } from '../en/ui.ts';

/** Spanish strings of the ui area: the same keys as English (the type checks it). */
export const ui: Shape<typeof en> = {};
