/** Where a lesson step's checks run: the engine's `checkTask`, in a worker in the app (unit tests run it in place). */
import * as Comlink from 'comlink';
import type { checkTask } from '../../../graph-engine/index.ts';
import type { CheckWorkerApi } from './checkWorker.ts';

export type RunChecks = typeof checkTask;

/** The checks' worker, started by the first Check (a page that never checks never starts it). */
export function workerChecks(): RunChecks {
  let remote: Comlink.Remote<CheckWorkerApi> | undefined;
  return (task, model, options) => {
    remote ??= Comlink.wrap<CheckWorkerApi>(new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module', name: 'graphgrad-checks' }));
    // Only the checks cross: the task's hints and solution stay on the page.
    return remote.checkTask({ checks: task.checks }, model, options);
  };
}
