/**
 * Whether the graph on screen has changes the user could lose: it differs from the graph as it was
 * last opened, started (New), restored or saved. Every whole-graph load bumps the editor's
 * `documentVersion`; the graph at that moment is the baseline. Save sets it too. Comparing the
 * content (not object identity) means undoing back to the baseline counts as no change.
 */
import type { Model } from '../../graph-engine/index.ts';
import { editorStore } from '../store/useEditor.ts';
import { saveModel } from '../io/files.ts';

let baseline: Model = editorStore.getState().model;
let baselineVersion = editorStore.getState().documentVersion;

editorStore.subscribe((s) => {
  if (s.documentVersion === baselineVersion) return;
  baselineVersion = s.documentVersion;
  baseline = s.model;
});

/** The graph as it is now has been saved (downloaded). */
function markSaved(model: Model = editorStore.getState().model): void {
  baseline = model;
}

/** True when replacing the graph would throw away work: it has nodes and changed since the baseline. */
export function hasUnsavedChanges(model: Model = editorStore.getState().model): boolean {
  if (model.nodes.length === 0) return false;
  return model !== baseline && JSON.stringify(model) !== JSON.stringify(baseline);
}

/** The toolbar's Save: downloads the graph, which from then on counts as saved. */
export function saveGraph(): void {
  const { model } = editorStore.getState();
  saveModel(model);
  markSaved(model);
}
