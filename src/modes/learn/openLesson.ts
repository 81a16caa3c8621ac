/**
 * Opening lessons: a bundled one by id (the Learn list, `/?lesson=<id>&step=<n>`), or a lesson
 * file (Open, a drop on the canvas). A lesson that does not parse changes nothing and says which
 * step and field is wrong.
 */
import { LESSON_FORMAT, parseLessonText } from '../../../graph-engine/index.ts';
import { editorStore } from '../../store/useEditor.ts';
import { bundledLessons, bundledLessonText } from './lessons.ts';
import { learnStore } from './useLearn.ts';
import { t } from '../../i18n/i18n.ts';

/** Whether JSON text is a lesson rather than a model (its "format" says so). */
export function isLessonText(text: string): boolean {
  // Cheap first: only text that mentions the lesson format is parsed.
  if (!text.includes(LESSON_FORMAT)) return false;
  try {
    const data: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === LESSON_FORMAT;
  } catch {
    return false;
  }
}

/**
 * What a link's lesson is named by: part of its progress id (kept in storage, so the same in every
 * language), never shown as it is.
 */
export const LESSON_FROM_LINK = 'from a link';

/** Opens lesson text from a file named `name`; false (with a notice) when it is not a valid lesson. */
export async function openLessonText(text: string, name: string, step = 0, options?: { undoable?: boolean }): Promise<boolean> {
  const { lesson, problems } = parseLessonText(text);
  if (!lesson) {
    editorStore.getState().notify(
      'error',
      name === LESSON_FROM_LINK ? t('learn.notice.couldNotOpenLinkedLesson') : t('learn.notice.couldNotOpenLesson', { name }),
      problems.map((p) => p.message),
    );
    return false;
  }
  // Progress is kept by id: a file or link's lesson is named by where it came from and its title,
  // so it never takes over a bundled lesson's progress (a file called training.json) or, for
  // links, every other shared lesson's.
  return learnStore.getState().openLesson({ lesson, id: `${name} · ${lesson.title}`, bundled: false }, step, options);
}

/** Opens a bundled lesson by id at `step` (0-based); says so when there is no such lesson. */
export async function openBundledLesson(id: string, step = 0, options?: { undoable?: boolean }): Promise<boolean> {
  const text = await bundledLessonText(id);
  if (text === undefined) {
    editorStore
      .getState()
      .notify('error', t('learn.notice.noLesson', { id }), [t('learn.notice.lessonList', { list: bundledLessons.map((l) => l.id).join(', ') })]);
    return false;
  }
  const { lesson, problems } = parseLessonText(text);
  if (!lesson) {
    editorStore.getState().notify(
      'error',
      t('learn.notice.lessonDoesNotLoad', { id }),
      problems.map((p) => p.message),
    );
    return false;
  }
  return learnStore.getState().openLesson({ lesson, id, bundled: true }, step, options);
}
