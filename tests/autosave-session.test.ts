/**
 * When autosave writes: once edits pause (typing, a drag), or every MAX_WAIT_MS while they do not,
 * in the browser's idle time; at once when the page is hidden. What it writes is the graph as it
 * is then, read back through the same restore as at startup.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY, restoreAutosave, type KeyValueStorage } from '../src/store/autosave.ts';
import { flushAutosave, MAX_WAIT_MS, QUIET_MS, startAutosave, type PageEvents } from '../src/store/autosaveSession.ts';
import { editorStore } from '../src/store/useEditor.ts';

/** Storage that notes the value of node `a` in each write of the autosave. */
function recordingStorage() {
  const map = new Map<string, string>();
  const writes: (number | undefined)[] = [];
  const storage: KeyValueStorage = {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      map.set(k, v);
      if (k === AUTOSAVE_KEY) writes.push(valueOfA(storage));
    },
    removeItem: (k) => void map.delete(k),
  };
  return { storage, writes };
}

function valueOfA(storage: KeyValueStorage): number | undefined {
  const r = restoreAutosave(storage);
  return r.kind === 'ok' ? r.model.nodes.find((n) => n.id === 'a')?.value : undefined;
}

/** A page whose pagehide the test fires. */
function fakePage() {
  const hide: (() => void)[] = [];
  const page = {
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'pagehide') hide.push(listener);
    },
  } as PageEvents;
  return { page, hide: () => hide.forEach((h) => h()) };
}

const setA = (value: number) => editorStore.getState().updateNode('a', { value });

beforeEach(() => {
  vi.useFakeTimers();
  editorStore.getState().replaceModel({ format: 'graphgrad', version: 1, nodes: [{ id: 'a', op: 'input', value: 0 }], edges: [] }, 'Start');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

// startAutosave keeps listening for the rest of the file: one session for all the cases.
const { storage, writes } = recordingStorage();
const { page, hide } = fakePage();

describe('autosave while editing', () => {
  it('writes a burst of typing once, after it pauses, with the last value', () => {
    startAutosave(storage, editorStore.getState().model, page);
    expect(writes).toEqual([]);
    // Five keys a second, as a person types: no write in between.
    for (let v = 1; v <= 8; v++) {
      setA(v);
      vi.advanceTimersByTime(200);
    }
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(QUIET_MS - 200 - 1);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    vi.runOnlyPendingTimers(); // no requestIdleCallback here: the next task
    expect(writes).toEqual([8]);
  });

  it('still writes every MAX_WAIT_MS while edits never pause', () => {
    writes.length = 0;
    const every = 100;
    const stamps: number[] = [];
    const start = Date.now();
    for (let t = 0, v = 100; t < 2 * MAX_WAIT_MS + 500; t += every, v++) {
      setA(v);
      const before = writes.length;
      vi.advanceTimersByTime(every);
      if (writes.length > before) stamps.push(Date.now() - start);
    }
    expect(stamps).toHaveLength(2);
    expect(stamps[0]).toBeGreaterThanOrEqual(MAX_WAIT_MS);
    expect(stamps[0]).toBeLessThanOrEqual(MAX_WAIT_MS + every);
    expect(stamps[1] - stamps[0]).toBeLessThanOrEqual(MAX_WAIT_MS + every);
  });

  it('waits for the browser to be idle, and writes the graph as it is then', () => {
    vi.advanceTimersByTime(2 * QUIET_MS);
    writes.length = 0;
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => {});
    setA(7);
    vi.advanceTimersByTime(QUIET_MS + 1000);
    expect(writes).toEqual([]);
    expect(idle).toHaveLength(1);
    // An edit made before the idle moment is in the write it was waiting for.
    setA(9);
    idle[0]();
    expect(writes).toEqual([9]);
  });

  it('writes at once when the page is hidden, and nothing more later', () => {
    writes.length = 0;
    setA(42);
    hide();
    expect(writes).toEqual([42]);
    vi.advanceTimersByTime(2 * MAX_WAIT_MS);
    expect(writes).toEqual([42]);
  });

  it('writes at once when a part of the app fails (flushAutosave, called by the error boundary)', () => {
    writes.length = 0;
    setA(5);
    expect(writes).toEqual([]);
    flushAutosave();
    expect(writes).toEqual([5]);
  });
});
