/** What Teach's learning-rate field accepts. */
import { parseDecimal } from '../../../ui/numberText.ts';

/**
 * The learning rate a typed text means: a plain positive decimal ("0.1", "1e-3"), or undefined for
 * anything else ("0x10", which Number() reads as 16; "0"; "-1"; a blank).
 */
export function parseLearningRate(text: string): number | undefined {
  const lr = parseDecimal(text);
  return Number.isFinite(lr) && lr > 0 ? lr : undefined;
}
