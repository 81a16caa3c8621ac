/**
 * The keys this folder adds, in one table: the Help dialog lists A11Y_KEYS, the README describes
 * them, and the connect picker prints its hint line from CONNECT_KEYS, so none can disagree. The
 * words are the current language's (getters: read them when drawing).
 */
import { t } from '../i18n/i18n.ts';

export interface KeyHelp {
  readonly keys: string;
  readonly action: string;
  /** How a hint line prints it, where one does. */
  readonly short?: string;
}

/** Inside the keyboard-connect picker (KeyboardConnect.tsx). */
export const CONNECT_KEYS = {
  choose: {
    get keys() {
      return t('a11y.keys.chooseKeys');
    },
    get action() {
      return t('a11y.keys.choose');
    },
    get short() {
      return t('a11y.keys.chooseShort');
    },
  },
  connect: {
    get keys() {
      return t('a11y.keys.connectKeys');
    },
    get action() {
      return t('a11y.keys.connect');
    },
    get short() {
      return t('a11y.keys.connectShort');
    },
  },
  cancel: {
    get keys() {
      return t('a11y.keys.cancelKeys');
    },
    get action() {
      return t('a11y.keys.cancel');
    },
    get short() {
      return t('a11y.keys.cancelShort');
    },
  },
} satisfies Record<string, KeyHelp>;

/** A row whose key is the same in every language ("/", "C") and whose action is the catalog's. */
const row = (keys: string, action: () => string): KeyHelp => ({
  keys,
  get action() {
    return action();
  },
});

/** A row whose key names are words too ("Enter or Space"). */
const wordsRow = (keys: () => string, action: () => string): KeyHelp => ({
  get keys() {
    return keys();
  },
  get action() {
    return action();
  },
});

/** The Help dialog's "Keyboard wiring and the canvas" shortcuts (onboarding/shortcuts.ts). */
export const A11Y_KEYS: readonly KeyHelp[] = [
  wordsRow(
    () => t('a11y.skipToCanvas'),
    () => t('a11y.keys.skip'),
  ),
  wordsRow(
    () => t('a11y.keys.tabKeys'),
    () => t('a11y.keys.tab'),
  ),
  wordsRow(
    () => t('a11y.keys.selectKeys'),
    () => t('a11y.keys.select'),
  ),
  row('/', () => t('a11y.keys.quickAdd')),
  row('C', () => t('a11y.keys.connectStart')),
  CONNECT_KEYS.choose,
  CONNECT_KEYS.connect,
  CONNECT_KEYS.cancel,
  row('I', () => t('a11y.keys.inspect')),
  wordsRow(
    () => t('a11y.keys.menuKeys'),
    () => t('a11y.keys.menu'),
  ),
];
