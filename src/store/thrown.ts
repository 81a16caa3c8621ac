/**
 * Words for an exception that escaped while reading or showing a graph. Every way in catches what
 * it cannot foresee and says it in a notice; the user's graph and autosave carry on.
 */
import type { Problem } from '../../graph-engine/index.ts';
import { t } from '../i18n/i18n.ts';

/** What went wrong, in the user's terms where we know them, else the exception's own message. */
export function thrownMessage(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return t('store.problem.nestedTooDeeply');
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export const thrownProblem = (error: unknown): Problem => ({ message: thrownMessage(error) });
