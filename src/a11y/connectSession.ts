/**
 * The keyboard connection in progress, if any: which card it starts from and, for a card with
 * several outputs, which output. Started by C on a focused card (useA11yKeys.ts) or from a card's
 * menu (NodeMenu.tsx); KeyboardConnect.tsx shows the choices.
 */
import { createStore } from 'zustand/vanilla';

export interface ConnectSession {
  source: string;
  /** Chosen output; undefined while a card with several outputs has not had one chosen. */
  sourcePort?: number;
}

export const connectStore = createStore<{ session?: ConnectSession }>(() => ({}));

export function startConnect(source: string, sourcePort?: number): void {
  connectStore.setState({ session: { source, ...(sourcePort !== undefined ? { sourcePort } : {}) } });
}

export function endConnect(): void {
  connectStore.setState({ session: undefined });
}
