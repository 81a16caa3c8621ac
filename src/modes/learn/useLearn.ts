/** The app's one Learn store, bound to the editor store, and the React hook over it. */
import { useStore } from 'zustand';
import { sampleText } from '../../io/samples.ts';
import { editorStore } from '../../store/useEditor.ts';
import { createLearnStore, type LearnStore } from './learnStore.ts';
import { workerChecks } from './checkRunner.ts';

export const learnStore = createLearnStore(editorStore, sampleText, workerChecks());

export function useLearn<T>(selector: (s: LearnStore) => T): T {
  return useStore(learnStore, selector);
}
