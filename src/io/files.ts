/** Open and Save of model files in the browser: file picker, drag-and-drop, download. */
import { serializeModel, type Model } from '../../graph-engine/index.ts';
import { editorStore } from '../store/useEditor.ts';
import { ensureOpsForText } from './onDemandOps.ts';

/** Files larger than this are refused before parsing, so a wrong file cannot freeze the tab. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export async function openFile(file: File): Promise<boolean> {
  const store = editorStore.getState();
  if (file.size > MAX_FILE_BYTES) {
    store.notify('error', `Could not open ${file.name}; the current graph is unchanged.`, [
      `The file is ${(file.size / 1e6).toFixed(1)} MB; GraphGrad opens models up to ${MAX_FILE_BYTES / 1e6} MB.`,
    ]);
    return false;
  }
  const text = await file.text();
  await ensureOpsForText(text);
  return store.openText(text, file.name);
}

export function fileNameFor(model: Model): string {
  const stem = (model.name ?? 'graph').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${stem || 'graph'}.json`;
}

export function saveModel(model: Model): void {
  const blob = new Blob([serializeModel(model)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFor(model);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The first .json file in a drop, if any. */
export function droppedModelFile(dt: DataTransfer): File | undefined {
  return [...dt.files].find((f) => f.name.toLowerCase().endsWith('.json') || f.type === 'application/json');
}
