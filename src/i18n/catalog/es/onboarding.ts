import type { Shape } from '../shape.ts';
import type { onboarding as en } from '../en/onboarding.ts';

/** Spanish strings of the onboarding area: the same keys as English (the type checks it). */
export const onboarding: Shape<typeof en> = {};
