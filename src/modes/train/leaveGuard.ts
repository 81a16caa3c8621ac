/**
 * Training in progress lives in the worker until Pause writes the weights into the graph, so a
 * reload or a closed tab would throw it away. While training runs, the browser asks first.
 */
import { trainStore } from './trainStore.ts';

const askFirst = (e: BeforeUnloadEvent) => {
  e.preventDefault();
  // Older browsers show the prompt only when returnValue is set; the text itself is never shown.
  e.returnValue = '';
};

/** Asks before the page unloads while training runs. Returns a function that stops asking. */
export function guardUnloadWhileTraining(): () => void {
  let guarding = false;
  const follow = (running: boolean) => {
    if (running === guarding) return;
    guarding = running;
    if (running) addEventListener('beforeunload', askFirst);
    else removeEventListener('beforeunload', askFirst);
  };
  follow(trainStore.getState().running);
  const unsubscribe = trainStore.subscribe((s) => follow(s.running));
  return () => {
    unsubscribe();
    follow(false);
  };
}
