/**
 * Learn mode's progress, kept in this browser: per lesson, the step the student was at and the
 * steps whose checks all passed. Missing or damaged storage is no progress, never an error.
 */
import { browserStorage, type KeyValueStorage } from '../../store/autosave.ts';

const PROGRESS_KEY = 'graphgrad.learn.progress';

export interface LessonProgress {
  /** 0-based step the student was last at. */
  step: number;
  /** 0-based steps whose checks all passed. */
  passed: number[];
}

export type Progress = Record<string, LessonProgress>;

export function readProgress(storage: KeyValueStorage | undefined = browserStorage()): Progress {
  try {
    const data: unknown = JSON.parse(storage?.getItem(PROGRESS_KEY) ?? '{}');
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
    const out: Progress = {};
    for (const [id, p] of Object.entries(data as Record<string, Partial<LessonProgress>>)) {
      if (typeof p?.step === 'number' && Array.isArray(p.passed)) out[id] = { step: p.step, passed: p.passed.filter((n) => typeof n === 'number') };
    }
    return out;
  } catch {
    return {};
  }
}

/** Records that the student is at `step` of lesson `id`, and that it passed when `passed`. */
export function saveProgress(id: string, step: number, passed: boolean, storage: KeyValueStorage | undefined = browserStorage()): Progress {
  const all = readProgress(storage);
  const was = all[id] ?? { step: 0, passed: [] };
  all[id] = { step, passed: passed && !was.passed.includes(step) ? [...was.passed, step].sort((a, b) => a - b) : was.passed };
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(all));
  } catch {
    // Storage full or off: progress is a convenience, the lesson goes on.
  }
  return all;
}
