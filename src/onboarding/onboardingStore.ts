/**
 * Whether the welcome and Help are showing. The welcome shows on a visit that is not a deep link
 * (`/?sample=`, `/?lesson=`, a `#model=` share link: those arrive with a graph in mind) until the
 * user closes it or picks a way in; that is remembered in this browser for good. Help reopens it.
 */
import { create } from 'zustand';
import { browserStorage } from '../store/autosave.ts';
import { hasSharedLesson, hasSharedModel } from '../share/shareLink.ts';

/** localStorage key; its presence means the welcome was dismissed. */
const WELCOME_DISMISSED_KEY = 'graphgrad.welcome-dismissed';

function dismissedBefore(): boolean {
  try {
    return browserStorage()?.getItem(WELCOME_DISMISSED_KEY) != null;
  } catch {
    return false; // storage refused: show it; closing it still works for this visit
  }
}

/**
 * Read when this module loads, before startup (io/startup.ts) takes the link's parameters out of
 * the address bar.
 */
function deepLinked(): boolean {
  if (typeof location === 'undefined') return false;
  const q = new URLSearchParams(location.search);
  return q.has('sample') || q.has('lesson') || hasSharedModel(location.hash) || hasSharedLesson(location.hash);
}

interface Onboarding {
  welcome: boolean;
  help: boolean;
}

export const onboardingStore = create<Onboarding>(() => ({ welcome: !dismissedBefore() && !deepLinked(), help: false }));

/** Closes the welcome for good (this browser). */
export function dismissWelcome(): void {
  onboardingStore.setState({ welcome: false });
  try {
    browserStorage()?.setItem(WELCOME_DISMISSED_KEY, new Date().toISOString());
  } catch {
    // Storage full or refused: it is closed for this visit, which is all we can do.
  }
}

export const openHelp = () => onboardingStore.setState({ help: true });
export const closeHelp = () => onboardingStore.setState({ help: false });
