/** The app's one Teach store, bound to the editor store, and the React hook over it. */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { editorStore } from '../../store/useEditor.ts';
import { createTeachStore, progress, type Progress, type TeachStore } from './teachStore.ts';

export const teachStore = createTeachStore(editorStore);

export function useTeach<T>(selector: (s: TeachStore) => T): T {
  return useStore(teachStore, selector);
}

/** Where stepping stands, re-read on every change to the store; a new object only when a field of it changed. */
export function useTeachProgress(): Progress {
  return useTeach(useShallow(progress));
}
