/** The app's one Teach store, bound to the editor store, and the React hook over it. */
import { useStore } from 'zustand';
import { editorStore } from '../../store/useEditor.ts';
import { createTeachStore, type TeachStore } from './teachStore.ts';

export const teachStore = createTeachStore(editorStore);

export function useTeach<T>(selector: (s: TeachStore) => T): T {
  return useStore(teachStore, selector);
}
