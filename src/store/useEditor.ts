/** The app's one editor store and the React hook over it. */
import { useStore } from 'zustand';
import { createEditorStore, type EditorStore } from './editorStore.ts';

export const editorStore = createEditorStore();

export function useEditor<T>(selector: (s: EditorStore) => T): T {
  return useStore(editorStore, selector);
}
