/** The page's handle on the training worker (one per page, created on first use). */
import * as Comlink from 'comlink';
import type { TrainWorkerApi } from './worker.ts';
import type { Snapshot } from './protocol.ts';

export type TrainClient = Comlink.Remote<TrainWorkerApi>;

let client: TrainClient | undefined;

export function trainClient(onSnapshot: (s: Snapshot) => void): TrainClient {
  if (!client) {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'graphgrad-train' });
    client = Comlink.wrap<TrainWorkerApi>(worker);
  }
  void client.subscribe(Comlink.proxy(onSnapshot));
  return client;
}
