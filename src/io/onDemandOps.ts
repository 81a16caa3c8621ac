/**
 * Ops the engine loads on demand (expression nodes bring mathjs). Every way in loads what a
 * model uses before validating it, so an `expr` node is never reported as unknown.
 */
import { ensureOpsFor, loadExpressionOps } from '../../graph-engine/index.ts';

/** Loads the ops a model text uses; text that is not JSON is left for validation to report. */
export async function ensureOpsForText(text: string): Promise<void> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return; // validation reports where the JSON breaks
  }
  if (data && typeof data === 'object') await ensureOpsFor(data as { nodes?: unknown });
}

/** Loads the expression op in the background so the palette can offer it. */
export function preloadPaletteOps(): Promise<void> {
  return loadExpressionOps();
}
