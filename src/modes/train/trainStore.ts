/**
 * Train mode's page-side state: the panel's settings, what the worker last said, and the canvas
 * preview (the editor's evaluation of the graph with the live parameters and one chosen sample).
 * A vanilla zustand store so the logic runs in unit tests too.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Evaluation } from '../../store/evaluate.ts';
import type { BindingView } from '../../trainWorker/binding.ts';
import { DEFAULT_PACE, type Pace } from '../../trainWorker/pace.ts';
import type { DatasetSpec, RunInfo, Snapshot, TrainOverrides } from '../../trainWorker/protocol.ts';
import { CurveView } from '../../trainWorker/throttle.ts';

export type Regularisation = 'none' | 'l1' | 'l2';

export interface TrainUiState {
  dataset: DatasetSpec;
  overrides: TrainOverrides;
  regularisation: Regularisation;
  regRate: number;
  earlyStopping: boolean;
  epochLimit?: number;
  /** How fast Play trains (kept when another document loads: it suits the room, not the model). */
  pace: Pace;
  /** configuring: waiting for the worker; error: the data or graph cannot be trained as is. */
  status: 'idle' | 'configuring' | 'ready' | 'error';
  error?: string;
  /** Columns of a dataset that loaded but did not bind, so the user can map them. */
  columns?: string[];
  binding?: BindingView;
  info?: RunInfo;
  snapshot?: Snapshot;
  running: boolean;
  curve: CurveView;
  curveVersion: number;
  showTest: boolean;
  discretize: boolean;
  logScale: boolean;
  /** Dataset row whose values and gradients the canvas shows. */
  sampleIndex: number;
  preview?: Evaluation;
  /** Why training stopped or paused, shown above the controls. */
  message?: { kind: 'info' | 'error'; text: string };
}

export function initialTrainState(): TrainUiState {
  return {
    dataset: { kind: 'builtin', name: 'circle' },
    overrides: {},
    regularisation: 'none',
    regRate: 0.001,
    earlyStopping: false,
    pace: DEFAULT_PACE,
    status: 'idle',
    running: false,
    curve: new CurveView(),
    curveVersion: 0,
    showTest: false,
    discretize: false,
    logScale: false,
    sampleIndex: 0,
  };
}

export function createTrainStore() {
  return createStore<TrainUiState>()(() => initialTrainState());
}

export type TrainStoreApi = ReturnType<typeof createTrainStore>;

/** The app's one Train store. */
export const trainStore = createTrainStore();

export function useTrain<T>(selector: (s: TrainUiState) => T): T {
  return useStore(trainStore, selector);
}

/** Applies a snapshot: the curve delta, the latest metrics and heatmaps. */
export function applySnapshot(s: Snapshot, store: TrainStoreApi): void {
  const st = store.getState();
  const prev = st.snapshot;
  if (prev && s.seq <= prev.seq) return; // late: a newer one is already shown
  st.curve.apply({ from: s.historyFrom, epochs: s.epochs, train: s.trainLoss, test: s.testLoss, validation: s.validationLoss });
  store.setState({ snapshot: { ...s, heat: s.heat ?? prev?.heat }, running: s.running, curveVersion: st.curve.version });
}
