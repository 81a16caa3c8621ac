/** The page's handle on the training worker. */
import * as Comlink from 'comlink';
import type { TrainWorkerApi } from './worker.ts';

/** The worker's API as the page calls it: every call answers asynchronously. Unit tests pass a fake. */
export type TrainClient = {
  [K in keyof TrainWorkerApi]: (...args: Parameters<TrainWorkerApi[K]>) => Promise<Awaited<ReturnType<TrainWorkerApi[K]>>>;
};

/** The training worker, started on the first call (a page that never trains never starts it). */
export function workerTrainClient(): TrainClient {
  let remote: Comlink.Remote<TrainWorkerApi> | undefined;
  const worker = () => {
    remote ??= Comlink.wrap<TrainWorkerApi>(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'graphgrad-train' }));
    return remote;
  };
  return {
    // A callback crosses to the worker as a proxy; everything else is structured-cloned data.
    subscribe: (onSnapshot) => worker().subscribe(Comlink.proxy(onSnapshot)),
    configure: (config) => worker().configure(config),
    play: () => worker().play(),
    pause: () => worker().pause(),
    stepEpoch: () => worker().stepEpoch(),
    stepBatch: () => worker().stepBatch(),
    setPace: (pace) => worker().setPace(pace),
    reset: () => worker().reset(),
    update: (overrides) => worker().update(overrides),
    setEpochLimit: (limit) => worker().setEpochLimit(limit),
    sample: (index) => worker().sample(index),
    show: (shown, tag) => worker().show(shown, tag),
  };
}
