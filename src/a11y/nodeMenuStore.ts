/** Which card's menu is open (NodeMenu.tsx), where, and whether it was opened from the keyboard. */
import { createStore } from 'zustand/vanilla';

export interface NodeMenuAt {
  node: string;
  x: number;
  y: number;
  /** Opened by a key: focus its first item (and return to the card on close). */
  keyboard: boolean;
}

export const nodeMenuStore = createStore<{ at?: NodeMenuAt }>(() => ({}));

export function openNodeMenu(node: string, at: { x: number; y: number }, keyboard: boolean): void {
  nodeMenuStore.setState({ at: { node, ...at, keyboard } });
}

export function closeNodeMenu(): void {
  nodeMenuStore.setState({ at: undefined });
}
