/**
 * What the screen-reader live region says next. One polite and one assertive region live in the
 * page from the start (LiveRegion.tsx), since a region added together with its text is often not
 * read; anything in the app calls `announce` to have a sentence read.
 */
import { createStore } from 'zustand/vanilla';

export interface Announcement {
  text: string;
  /** Bumped on every call, so that the same sentence twice is read twice. */
  serial: number;
}

interface AnnounceState {
  polite: Announcement;
  assertive: Announcement;
}

export const announceStore = createStore<AnnounceState>(() => ({ polite: { text: '', serial: 0 }, assertive: { text: '', serial: 0 } }));

/** Has screen readers read `text`: politely (after what they are saying) or at once (errors). */
export function announce(text: string, politeness: 'polite' | 'assertive' = 'polite'): void {
  announceStore.setState((s) => ({ [politeness]: { text, serial: s[politeness].serial + 1 } }));
}
