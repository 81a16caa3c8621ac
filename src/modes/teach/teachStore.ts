/**
 * Teach mode's state: an engine Stepper over the editor's current graph, stepped one unit (a node,
 * or a collapsed layer macro) at a time, plus the learning rate, play/pause, the last parameter
 * update, the gradient check and the presentation switch.
 *
 * Keyed to the model: whenever the editor's graph changes (an edit, undo, another file), stepping
 * starts over. The Stepper is mutable, so the store keeps it as an object and bumps `version`
 * after every change; views re-read it then. Every number shown comes from the engine.
 */
import { createStore } from 'zustand/vanilla';
import {
  gradCheck,
  gradientStep,
  Stepper,
  withParams,
  type GradCheckRow,
  type Graph,
  type Model,
  type ParamUpdate,
  type Step,
} from '../../../graph-engine/index.ts';
import { t, useLanguage } from '../../i18n/i18n.ts';
import type { EditorStoreApi } from '../../store/editorStore.ts';
import { macroInputGrads, teachingUnits, type Units } from './units.ts';

/** The undo label of "Apply update", in the current language (the toolbar's Undo names it). */
export const updateLabel = (): string => t('teach.store.updateLabel');

export interface UnitStep {
  kind: 'forward' | 'backward';
  /** Card id: a model node id, or a collapsed macro's id. */
  unit: string;
  /** True when the unit is a collapsed layer macro (several primitives at once). */
  macro: boolean;
  /** The engine's records of the primitives stepped, in stepping order. */
  steps: Step[];
  /** Backward through a collapsed macro: the gradient it sends to each input (sum of its edges' contributions). */
  inputGrads?: number[];
}

export interface UpdateRecord {
  updates: ParamUpdate[];
  lr: number;
  oldLoss: number;
  newLoss: number;
  lossId: string;
  /** The undo label it was applied under (the language may have changed since). */
  label: string;
  before: Model;
  after: Model;
}

export interface TeachState {
  /** The editor graph the stepper was made for (identity is the key). */
  source?: Graph;
  units?: Units;
  stepper?: Stepper;
  /** Why Teach cannot step at all (no graph, problems). */
  problem?: string;
  last?: UnitStep;
  lr: number;
  /** Play speed, in steps per second. */
  speed: number;
  playing: boolean;
  update?: UpdateRecord;
  /** The last thing done was "Apply update" (so the left arrow undoes it). */
  atUpdate: boolean;
  checks?: GradCheckRow[];
  checkError?: string;
  pathsLeaf?: string;
  presentation: boolean;
  /**
   * Step as training step 0 of the model's seed does: dropout nodes drop (y = m·x/(1 − p), local
   * derivative m/(1 − p)). Off (the default), dropout is the identity, as in evaluation.
   */
  trainingStep: boolean;
  /** Bumped on every change to the stepper. */
  version: number;
  /** Quiz me: asked before each step; true holds the step back (a question is now on show). */
  gate?: (direction: 'forward' | 'backward') => boolean;
}

export interface TeachActions {
  /** Re-keys to the editor's current graph (called on every editor change). */
  sync(): void;
  stepForward(): boolean;
  stepBackward(): boolean;
  /** Right arrow / play: forward until done, then backward. */
  step(): boolean;
  /** Left arrow: undoes the last step (or the last update). */
  stepBack(): boolean;
  runForward(): void;
  runBackward(): void;
  reset(): void;
  applyUpdate(): boolean;
  setLr(lr: number): void;
  setSpeed(speed: number): void;
  setPlaying(playing: boolean): void;
  checkGradients(): void;
  setPathsLeaf(id: string | undefined): void;
  setPresentation(on: boolean): void;
  /** Turns the training step on or off; stepping starts over. */
  setTrainingStep(on: boolean): void;
  setGate(gate: TeachState['gate']): void;
}

export type TeachStore = TeachState & TeachActions;

export interface Progress {
  /** Units (cards) done and in all: a collapsed layer counts once. */
  forwardUnits: number;
  backwardUnits: number;
  totalUnits: number;
  forwardDone: number;
  backwardDone: number;
  total: number;
  canForward: boolean;
  canBackward: boolean;
  /** Why backward cannot start (no loss, incomplete loss). */
  backwardBlocker?: string;
  canUpdate: boolean;
  /** The graph has param nodes (its own or inside layer macros): something for "Apply update" to change. */
  hasParams: boolean;
  canStepBack: boolean;
}

export function progress(s: TeachState): Progress {
  const st = s.stepper;
  if (!st || !s.units)
    return {
      forwardUnits: 0,
      backwardUnits: 0,
      totalUnits: 0,
      forwardDone: 0,
      backwardDone: 0,
      total: 0,
      canForward: false,
      canBackward: false,
      canUpdate: false,
      hasParams: false,
      canStepBack: false,
    };
  const blocker = st.session.backwardBlocker();
  const hasParams = st.graph.nodes.some((n) => n.op.name === 'param');
  const { order } = s.units.graph;
  const unitOf = s.units.unitOf;
  const count = (from: number, to: number) => {
    let c = 0;
    for (let i = from; i < to; i++) if (i === from || unitOf[order[i]] !== unitOf[order[i - 1]]) c++;
    return c;
  };
  return {
    forwardUnits: count(0, st.forwardDone),
    backwardUnits: count(st.total - st.backwardDone, st.total),
    totalUnits: s.units.members.size,
    forwardDone: st.forwardDone,
    backwardDone: st.backwardDone,
    total: st.total,
    canForward: st.canStepForward(),
    canBackward: !blocker && st.backwardDone < st.total,
    backwardBlocker: blocker,
    canUpdate: hasParams && st.backwardDone === st.total && st.total > 0 && !blocker,
    hasParams,
    canStepBack: st.forwardDone > 0 || s.atUpdate,
  };
}

/** Why Teach cannot step, in the current language (problems in the editor's graph, or no graph). */
function problemTextOf(editor: EditorStoreApi): string {
  const { problems } = editor.getState().evaluation;
  return problems.length ? t('teach.store.problem', { count: problems.length, message: problems[0].message }) : t('teach.store.empty');
}

export function createTeachStore(editor: EditorStoreApi) {
  const store = createStore<TeachStore>()((set, get) => {
    const bump = (extra: Partial<TeachState> = {}) => set({ ...extra, version: get().version + 1 });

    /** The unit of node index n and whether it is a collapsed macro. */
    const unitOfNode = (units: Units, n: number) => units.unitOf[n];

    /** Re-describes the most recent unit step (after any move of the cursor). */
    function describeLast(): UnitStep | undefined {
      const { stepper: st, units } = get();
      if (!st || !units) return undefined;
      const order = units.graph.order;
      if (st.backwardDone > 0) {
        const u = unitOfNode(units, order[st.total - st.backwardDone]);
        const done = units.members
          .get(u)!
          .filter((n) => st.hasGrad(n))
          .reverse();
        const macro = units.graph.macros.has(u);
        const steps = done.map((n) => st.describeBackward(n));
        return { kind: 'backward', unit: u, macro, steps, ...(macro ? { inputGrads: macroInputGrads(st, u) } : {}) };
      }
      if (st.forwardDone > 0) {
        const u = unitOfNode(units, order[st.forwardDone - 1]);
        const done = units.members.get(u)!.filter((n) => st.isComputed(n));
        return { kind: 'forward', unit: u, macro: units.graph.macros.has(u), steps: done.map((n) => st.describeForward(n)) };
      }
      return undefined;
    }

    function forwardUnit(): boolean {
      const { stepper: st, units } = get();
      if (!st || !units || !st.canStepForward()) return false;
      const u = units.unitOf[units.graph.order[st.forwardDone]];
      while (st.canStepForward() && units.unitOf[units.graph.order[st.forwardDone]] === u) st.stepForward();
      return true;
    }

    function backwardUnit(): boolean {
      const { stepper: st, units } = get();
      if (!st || !units || !st.canStepBackward()) return false;
      const at = () => units.graph.order[st.total - 1 - st.backwardDone];
      const u = units.unitOf[at()];
      while (st.canStepBackward() && units.unitOf[at()] === u) st.stepBackward();
      return true;
    }

    function rebuild(graph: Graph | undefined, problem?: string) {
      const model = editor.getState().model;
      const { update } = get();
      const units = graph ? teachingUnits(graph) : undefined;
      const stepper = units ? new Stepper(units.graph) : undefined;
      if (stepper && get().trainingStep) stepper.session.setTrainingStep({ seed: model.training?.seed ?? 0, step: 0 });
      bump({
        source: graph,
        units,
        stepper,
        problem: graph ? undefined : problem,
        last: undefined,
        playing: false,
        atUpdate: false,
        checks: undefined,
        checkError: undefined,
        // An update stays on show while the model is the one it produced.
        update: update && update.after === model ? update : undefined,
      });
    }

    return {
      lr: 0.1,
      speed: 1.5,
      playing: false,
      atUpdate: false,
      presentation: false,
      trainingStep: false,
      version: 0,

      sync() {
        const { evaluation } = editor.getState();
        if (evaluation.graph && evaluation.graph === get().source) return;
        rebuild(evaluation.graph, problemTextOf(editor));
      },

      stepForward() {
        if (get().gate?.('forward') || !forwardUnit()) return false;
        bump({ last: describeLast(), atUpdate: false });
        return true;
      },

      stepBackward() {
        if (get().gate?.('backward') || !backwardUnit()) return false;
        bump({ last: describeLast(), atUpdate: false });
        return true;
      },

      step() {
        const st = get().stepper;
        if (!st) return false;
        return st.canStepForward() ? get().stepForward() : get().stepBackward();
      },

      stepBack() {
        const { stepper: st, units, atUpdate, update } = get();
        if (!st || !units) return false;
        if (atUpdate && update) {
          // Undo "Apply update": the editor's undo restores the old parameters (one step), then the
          // fresh stepper is brought back to where it was: forward and backward done.
          const e = editor.getState();
          if (e.model === update.after && e.history.past.at(-1)?.label === update.label) e.undo();
          set({ update: undefined, atUpdate: false });
          get().sync();
          const back = get().stepper;
          if (back && !back.session.backwardBlocker()) back.runBackward();
          else back?.runForward();
          bump({ last: describeLast(), update: undefined, atUpdate: false });
          return true;
        }
        const order = units.graph.order;
        if (st.backwardDone > 0) {
          const u = units.unitOf[order[st.total - st.backwardDone]];
          while (st.backwardDone > 0 && units.unitOf[order[st.total - st.backwardDone]] === u) st.stepBack();
        } else if (st.forwardDone > 0) {
          const u = units.unitOf[order[st.forwardDone - 1]];
          while (st.forwardDone > 0 && st.backwardDone === 0 && units.unitOf[order[st.forwardDone - 1]] === u) st.stepBack();
        } else return false;
        bump({ last: describeLast() });
        return true;
      },

      runForward() {
        const st = get().stepper;
        if (!st) return;
        st.runForward();
        bump({ last: describeLast(), atUpdate: false, playing: false });
      },

      runBackward() {
        const st = get().stepper;
        if (!st) return;
        st.runForward();
        while (st.canStepBackward()) st.stepBackward();
        bump({ last: describeLast(), atUpdate: false, playing: false });
      },

      reset() {
        const st = get().stepper;
        if (!st) return;
        st.reset();
        bump({ last: undefined, atUpdate: false, playing: false });
      },

      applyUpdate() {
        const { stepper: st, lr } = get();
        if (!st || !progress(get()).canUpdate) return false;
        const e = editor.getState();
        if (!(Number.isFinite(lr) && lr > 0)) {
          e.notify('error', t('teach.store.badLearningRate'));
          return false;
        }
        const lossIndex = st.graph.loss;
        const oldLoss = st.session.value(lossIndex);
        const updates = gradientStep(st.session, lr);
        if (updates.length === 0) {
          e.notify('info', t('teach.store.noParams'), [t('teach.store.noParamsDetail')]);
          st.session.hasGrads = true;
          return false;
        }
        const next = new Map(updates.map((u) => [u.id, u.new]));
        const before = e.model;
        const after = withParams(before, (id) => next.get(id));
        const lossId = st.graph.nodes[lossIndex].id;
        const label = updateLabel();
        e.replaceModel(after, label);
        const model = editor.getState().model;
        get().sync();
        const fresh = get().stepper;
        if (!fresh) return false;
        fresh.runForward();
        const newLoss = fresh.session.value(fresh.graph.loss);
        bump({ update: { updates, lr, oldLoss, newLoss, lossId, label, before, after: model }, atUpdate: true, last: undefined, playing: false });
        return true;
      },

      setLr(lr) {
        set({ lr });
      },

      setSpeed(speed) {
        set({ speed });
      },

      setPlaying(playing) {
        set({ playing });
      },

      checkGradients() {
        const graph = get().source;
        if (!graph) return;
        const blocker = get().stepper?.session.backwardBlocker();
        if (blocker) {
          set({ checks: undefined, checkError: blocker });
          return;
        }
        set({ checks: gradCheck(graph), checkError: undefined });
      },

      setPathsLeaf(id) {
        set({ pathsLeaf: id });
      },

      setPresentation(on) {
        set({ presentation: on });
      },

      setTrainingStep(on) {
        set({ trainingStep: on });
        rebuild(get().source);
      },

      setGate(gate) {
        set({ gate });
      },
    };
  });
  editor.subscribe((s, prev) => {
    if (s.evaluation !== prev.evaluation || s.model !== prev.model) store.getState().sync();
  });
  // The reason Teach cannot step is said again in a newly chosen language.
  useLanguage.subscribe(() => {
    if (store.getState().problem) store.setState({ problem: problemTextOf(editor) });
  });
  store.getState().sync();
  return store;
}

export type TeachStoreApi = ReturnType<typeof createTeachStore>;
