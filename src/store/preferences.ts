/**
 * Small view preferences kept across visits (a toggle's state, a dismissed notice). They live in
 * localStorage under `graphgrad.pref.<name>`; where storage is refused (private modes, a full
 * quota) the preference simply lasts for this visit, since none of them is worth an error.
 */
import { browserStorage } from './autosave.ts';

const PREFIX = 'graphgrad.pref.';

/** The stored on/off preference `name`, or `fallback` when none is stored or storage is refused. */
export function readFlag(name: string, fallback: boolean): boolean {
  const v = readChoice(name);
  return v === 'true' ? true : v === 'false' ? false : fallback;
}

/** Stores the on/off preference `name`; a refusal is ignored (see above). */
export function writeFlag(name: string, value: boolean): void {
  writeChoice(name, String(value));
}

/** The stored choice `name` (a language code, say), or undefined when none is stored or storage is refused. */
export function readChoice(name: string): string | undefined {
  try {
    return browserStorage()?.getItem(PREFIX + name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores the choice `name`; a refusal is ignored (see above). */
export function writeChoice(name: string, value: string): void {
  try {
    browserStorage()?.setItem(PREFIX + name, value);
  } catch {
    // Storage refused: the choice lasts for this visit only.
  }
}
