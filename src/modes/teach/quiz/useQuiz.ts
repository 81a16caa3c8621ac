/** The app's one Quiz me store, bound to Teach's store, and the React hook over it. */
import { useStore } from 'zustand';
import { teachStore } from '../useTeach.ts';
import { createQuizStore, type QuizStore } from './quizStore.ts';

export const quizStore = createQuizStore(teachStore);

export function useQuiz<T>(selector: (s: QuizStore) => T): T {
  return useStore(quizStore, selector);
}
