/**
 * "Save as lesson step": the engine's step skeleton (`stepSkeleton`: the graph with its checks'
 * targets filled in from its current numbers) wrapped as a lesson file of one step, which opens in
 * Learn as it is, for the teacher to try and then extend.
 */
import { LESSON_FORMAT, type Lesson, type LessonStep } from '../../../graph-engine/index.ts';

export function lessonOfStep(step: LessonStep): Lesson {
  return {
    format: LESSON_FORMAT,
    version: 1,
    title: step.title ?? 'A new lesson',
    // i18n-exempt: written into the lesson file, which reads the same in every language
    summary: 'What this lesson teaches, in a sentence or two.',
    steps: [step],
  };
}
