/** The app's one editor store and the React hook over it. */
import { useStore } from 'zustand';
import { createEditorStore, type EditorStore } from './editorStore.ts';
import { rewordEvaluation } from './evaluate.ts';
import { useLanguage } from '../i18n/i18n.ts';

export const editorStore = createEditorStore();

// A language switch words the cards' badge reasons and the loss notes again (not an edit: no undo step).
useLanguage.subscribe(() => {
  const { model, evaluation } = editorStore.getState();
  editorStore.setState({ evaluation: rewordEvaluation(model, evaluation) });
});

export function useEditor<T>(selector: (s: EditorStore) => T): T {
  return useStore(editorStore, selector);
}
