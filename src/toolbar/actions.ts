/** Toolbar and keyboard actions that need more than one store call. */
import { editorStore } from '../store/useEditor.ts';
import { canvasApi } from '../canvas/canvasApi.ts';
import { layoutPositions } from '../layout/autoLayout.ts';
import { t } from '../i18n/i18n.ts';

export async function autoLayout(): Promise<void> {
  const { model } = editorStore.getState();
  if (model.nodes.length === 0) return;
  try {
    const positions = await layoutPositions(model, (id) => canvasApi()?.measuredSize(id));
    // The model may have changed while elk ran; only lay out if it did not.
    if (editorStore.getState().model !== model) return;
    editorStore.getState().setPositions(positions, t('toolbar.layout.name'));
    requestAnimationFrame(() => canvasApi()?.fitView());
  } catch (e) {
    editorStore.getState().notify('error', t('toolbar.layout.failed'), [String(e)]);
  }
}
