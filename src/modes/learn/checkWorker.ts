/**
 * Lesson checks in a Web Worker: a check that trains (test accuracy after training, a loss after
 * training) runs the seeded trainer for seconds, which on the page's thread froze the tab under
 * "Checking…". The verdicts are the engine's `checkTask`, here as on the command line.
 */
import * as Comlink from 'comlink';
import { checkTask } from '../../../graph-engine/index.ts';

const api = { checkTask };

export type CheckWorkerApi = typeof api;

Comlink.expose(api);
