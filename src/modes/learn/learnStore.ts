/**
 * Learn mode's state: the open lesson, its current step, the student's typed answers, the last
 * check's results, how many hints are on show and whether the solution is. Opening a step loads
 * its graph into the editor as one undo step, without writing it over the graph autosaved in this
 * browser until the student edits it (as deep links do), and puts the canvas in the step's mode.
 * Every verdict is the engine's (`checkTask`).
 */
import { createStore } from 'zustand/vanilla';
import type { RunChecks } from './checkRunner.ts';
import { checkTask, resolveModel, type CheckResult, type Lesson, type LessonStep, type Model } from '../../../graph-engine/index.ts';

/** A bundled sample's text by name, as the engine's `resolveModel` reads samples. */
type SampleLoader = Parameters<typeof resolveModel>[1];
import { openUnsaved } from '../../store/autosaveSession.ts';
import type { EditorStoreApi } from '../../store/editorStore.ts';
import { thrownMessage } from '../../store/thrown.ts';
import { readProgress, saveProgress, type Progress } from './progress.ts';
import { t } from '../../i18n/i18n.ts';

export interface OpenLesson {
  lesson: Lesson;
  /** A bundled lesson's id (`/?lesson=<id>`), or the name of the file it came from. */
  id: string;
  bundled: boolean;
}

export interface LearnState {
  open?: OpenLesson;
  /** 0-based. */
  step: number;
  /** The graph the step opened (to tell whether the student changed it, and to start over). */
  stepModel?: Model;
  /** Why the step's graph could not open. */
  problem?: string;
  answers: Record<string, string>;
  results?: CheckResult[];
  /** The graph the results are for: an edit makes them stale. */
  checkedModel?: Model;
  checking: boolean;
  hints: number;
  solution: boolean;
  progress: Progress;
  /** Bumped on every step opened, so views reset their own state. */
  visit: number;
}

export interface LearnActions {
  /** Opens `lesson` at `step` (0-based, clamped). False when the step's graph could not open. */
  openLesson(open: OpenLesson, step?: number, options?: { undoable?: boolean }): Promise<boolean>;
  goTo(step: number): Promise<boolean>;
  /** Loads the step's graph again (one undo step). */
  restart(): Promise<boolean>;
  setAnswer(id: string, text: string): void;
  check(): Promise<CheckResult[] | undefined>;
  nextHint(): void;
  showSolution(): void;
  /** Loads the solution's graph (one undo step). */
  loadSolution(): Promise<boolean>;
  /** Back to the lesson list. */
  closeLesson(): void;
}

export type LearnStore = LearnState & LearnActions;

export const currentStep = (s: Pick<LearnState, 'open' | 'step'>): LessonStep | undefined => s.open?.lesson.steps[s.step];

/**
 * `loadSample`: a bundled sample's text by name (the app's is `sampleText`), for steps that name
 * one. `runChecks`: where a step's checks run (the app's are in a worker; by default in place).
 */
export function createLearnStore(editor: EditorStoreApi, loadSample: SampleLoader, runChecks: RunChecks = checkTask) {
  /** True while a step's graph is loading: that new document is the lesson's own. */
  let loadingStep = false;
  const store = createStore<LearnStore>()((set, get) => {
    /** The model a reference names, or a message saying why not. */
    async function modelOf(ref: LessonStep['model'], where: string): Promise<{ model?: Model; problem?: string }> {
      try {
        const r = await resolveModel(ref, loadSample, where);
        return r.model ? { model: r.model } : { problem: r.problems.map((p) => p.message).join(' ') };
      } catch (e) {
        return { problem: thrownMessage(e) };
      }
    }

    /** Loads a graph as one step of the editor's history, leaving the autosaved graph alone. */
    function load(model: Model, label: string, undoable: boolean): boolean {
      try {
        loadingStep = true;
        openUnsaved(() => editor.getState().loadModel(model, label, { undoable }));
        return true;
      } catch (e) {
        editor.getState().notify('error', t('learn.notice.stepGraphFailed'), [thrownMessage(e)]);
        return false;
      } finally {
        loadingStep = false;
      }
    }

    /** Bumped by each step opened: a step whose graph arrives after a later click is dropped. */
    let opening = 0;

    async function openStep(open: OpenLesson, step: number, undoable: boolean): Promise<boolean> {
      const i = Math.min(Math.max(0, Math.trunc(step) || 0), open.lesson.steps.length - 1);
      const s = open.lesson.steps[i];
      const ticket = ++opening;
      const { model, problem } = await modelOf(s.model, `step ${i + 1}'s model`);
      if (ticket !== opening) return false; // two fast clicks: the later step wins
      const base = {
        open,
        step: i,
        answers: {},
        results: undefined,
        checkedModel: undefined,
        checking: false,
        hints: 0,
        solution: false,
        visit: get().visit + 1,
      };
      if (!model) {
        set({ ...base, stepModel: undefined, problem: t('learn.notice.stepDoesNotOpen', { problem }) });
        editor.getState().setLearn(true);
        return false;
      }
      const label = s.title ? t('learn.undo.stepTitled', { step: i + 1, title: s.title }) : t('learn.undo.step', { step: i + 1 });
      if (!load(model, label, undoable)) return false;
      set({ ...base, stepModel: editor.getState().model, problem: undefined, progress: saveProgress(open.id, i, false) });
      editor.getState().setLearn(true, s.mode);
      return true;
    }

    return {
      step: 0,
      answers: {},
      checking: false,
      hints: 0,
      solution: false,
      progress: readProgress(),
      visit: 0,

      openLesson(open, step = 0, options = {}) {
        return openStep(open, step, options.undoable ?? true);
      },

      goTo(step) {
        const { open } = get();
        return open ? openStep(open, step, true) : Promise.resolve(false);
      },

      restart() {
        return get().goTo(get().step);
      },

      setAnswer(id, text) {
        set({ answers: { ...get().answers, [id]: text } });
      },

      async check() {
        const s = currentStep(get());
        if (!s?.task) return undefined;
        const model = editor.getState().model;
        // The step the answers belong to: results that arrive after the student moved on are dropped.
        const { open, step, visit, answers } = get();
        const stillHere = () => get().visit === visit;
        set({ checking: true });
        try {
          const results = await runChecks(s.task, model, { answers });
          if (!stillHere() || !open) return undefined;
          const passed = results.every((r) => r.pass);
          set({ results, checkedModel: model, checking: false, progress: saveProgress(open.id, step, passed) });
          return results;
        } catch (e) {
          if (!stillHere()) return undefined;
          set({ checking: false });
          editor.getState().notify('error', t('learn.notice.checksFailed'), [thrownMessage(e)]);
          return undefined;
        }
      },

      nextHint() {
        const n = currentStep(get())?.task?.hints?.length ?? 0;
        set({ hints: Math.min(n, get().hints + 1) });
      },

      showSolution() {
        set({ solution: true });
      },

      async loadSolution() {
        const s = currentStep(get());
        const ref = s?.task?.solution?.model;
        if (!ref) return false;
        const { model, problem } = await modelOf(ref, 'the solution’s model');
        if (!model) {
          editor.getState().notify('error', t('learn.notice.solutionDoesNotOpen'), [problem ?? '']);
          return false;
        }
        const answers = s.task?.solution?.answers;
        const ok = load(model, t('learn.undo.solution', { step: get().step + 1 }), true);
        if (ok && answers) set({ answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, String(v)])) });
        return ok;
      },

      closeLesson() {
        set({
          open: undefined,
          results: undefined,
          stepModel: undefined,
          problem: undefined,
          checking: false,
          visit: get().visit + 1,
          progress: readProgress(),
        });
      },
    };
  });
  // Another document (a sample, a file, New, a share link) ends the lesson: its checks and
  // progress would otherwise run on a graph that is not the step's.
  editor.subscribe((s, prev) => {
    if (s.documentVersion === prev.documentVersion || loadingStep || !store.getState().open) return;
    store.getState().closeLesson();
    if (s.learn) editor.getState().setLearn(false);
  });
  return store;
}
