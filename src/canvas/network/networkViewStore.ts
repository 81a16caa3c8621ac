/**
 * Which cards show their network view, and which of those draw ∂L/∂w instead of w: view state of
 * the editor, per node id, kept outside the model (it is how one looks at a layer, not part of
 * it, so it is neither saved nor undone) and outside the cards (it survives a card re-rendering,
 * unmounting off screen, a mode switch, or Expand and Collapse).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { editorStore } from '../../store/useEditor.ts';

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

// Another document's nodes may reuse these ids: a file, sample or new graph opens every card compact.
editorStore.subscribe((s, prev) => {
  if (s.documentVersion !== prev.documentVersion) networkViewStore.setState({ open: new Set(), gradient: new Set() });
});

export const useNetworkView = <T>(selector: (s: NetworkViewState) => T): T => useStore(networkViewStore, selector);
