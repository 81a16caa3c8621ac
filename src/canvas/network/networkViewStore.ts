/**
 * Which cards show their network view, and which of those draw ∂L/∂w instead of w: view state of
 * the editor, per node id, kept outside the model (it is how one looks at a layer, not part of
 * it, so it is neither saved nor undone) and outside the cards (it survives a card re-rendering,
 * unmounting off screen, or a mode switch).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

interface NetworkViewState {
  open: ReadonlySet<string>;
  gradient: ReadonlySet<string>;
  toggle(kind: 'open' | 'gradient', id: string): void;
}

const toggled = (set: ReadonlySet<string>, id: string) => {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
};

export const networkViewStore = createStore<NetworkViewState>()((set, get) => ({
  open: new Set(),
  gradient: new Set(),
  toggle: (kind, id) => set({ [kind]: toggled(get()[kind], id) }),
}));

export const useNetworkView = <T>(selector: (s: NetworkViewState) => T): T => useStore(networkViewStore, selector);
