/**
 * Open and Save of model files in the browser: file picker, drag-and-drop, download. A model
 * opens from its .json file or from a PNG exported by GraphGrad (the model rides in the image).
 */
import { serializeModel, sizeProblem, type Model } from '../../graph-engine/index.ts';
import { editorStore } from '../store/useEditor.ts';
import { extractModelFromPng, isPng } from '../share/pngModel.ts';
import { ensureOpsForText } from './onDemandOps.ts';
import { thrownMessage } from '../store/thrown.ts';
import { isLessonText, openLessonText } from '../modes/learn/openLesson.ts';
import { t } from '../i18n/i18n.ts';

/** What the file picker and the canvas accept. */
export const MODEL_FILE_TYPES = '.json,application/json,.png,image/png';

const isPngFile = (f: File) => f.type === 'image/png' || f.name.toLowerCase().endsWith('.png');

/** The model text in a file: the JSON itself, or the model embedded in a GraphGrad PNG. */
async function modelText(file: File): Promise<{ text?: string; problem?: string }> {
  if (!isPngFile(file)) return { text: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isPng(bytes)) return { problem: t('io.files.notPng') };
  const text = extractModelFromPng(bytes);
  return text === undefined ? { problem: t('io.files.noModelInPng') } : { text };
}

/** Opens a model file (Open, or a drop on the canvas); a file that cannot open changes nothing. */
export async function openFile(file: File): Promise<boolean> {
  const store = editorStore.getState();
  const refuse = (problem: string) => {
    store.notify('error', t('io.files.couldNotOpen', { name: file.name }), [problem]);
    return false;
  };
  try {
    const tooBig = sizeProblem(file.size);
    const read = tooBig ? { problem: tooBig.message } : await modelText(file);
    if (read.text === undefined) return refuse(read.problem ?? '');
    await ensureOpsForText(read.text);
    // A lesson file opens in Learn mode, its first step's graph as one undo step.
    if (isLessonText(read.text)) return await openLessonText(read.text, file.name);
    return store.openText(read.text, file.name);
  } catch (e) {
    // A file that cannot be read, a damaged PNG, an op module that fails to load...
    return refuse(thrownMessage(e));
  }
}

export function fileNameFor(model: Model): string {
  const stem = (model.name ?? 'graph')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${stem || 'graph'}.json`;
}

export function saveModel(model: Model): void {
  downloadText(serializeModel(model), fileNameFor(model));
}

/** Downloads `text` as a JSON file called `name`. */
export function downloadText(text: string, name: string): void {
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The first .json or .png file in a drop, if any. */
export function droppedModelFile(dt: DataTransfer): File | undefined {
  return [...dt.files].find((f) => f.name.toLowerCase().endsWith('.json') || f.type === 'application/json' || isPngFile(f));
}
