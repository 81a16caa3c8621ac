/**
 * Teach mode's keyboard: each action declares its key, how the panel prints it, what it does and
 * how, in one row. The table drives the key listener, the hint line under the controls, the
 * buttons' titles and their aria-keyshortcuts, so none of them can disagree.
 */
import { t } from '../../../i18n/i18n.ts';
import { isControl, isTyping } from '../../../ui/isTyping.ts';
import type { TeachStore } from '../teachStore.ts';

interface TeachKeyAction {
  /** `KeyboardEvent.key` values that trigger it. */
  keys: readonly string[];
  /** `KeyboardEvent.code` values that trigger it too. */
  codes?: readonly string[];
  /** The key as the panel prints it (a key name is in the current language). */
  readonly glyph: string;
  /** The `aria-keyshortcuts` value for the buttons that do the same. */
  ariaKeys: string;
  /** What it does, in the hint line (in the current language: read it when drawing). */
  readonly label: string;
  /** The key is also a focused button's or checkbox's own action (Space): there it is left to the control. */
  controlsOwnKey: boolean;
  run(teach: TeachStore): void;
}

export const TEACH_KEYS = {
  step: {
    keys: ['ArrowRight'],
    glyph: '→',
    ariaKeys: 'ArrowRight',
    get label() {
      return t('teach.keys.step');
    },
    controlsOwnKey: false,
    run(t) {
      t.setPlaying(false);
      t.step();
    },
  },
  stepBack: {
    keys: ['ArrowLeft'],
    glyph: '←',
    ariaKeys: 'ArrowLeft',
    get label() {
      return t('teach.keys.stepBack');
    },
    controlsOwnKey: false,
    run(t) {
      t.setPlaying(false);
      t.stepBack();
    },
  },
  playPause: {
    keys: [' '],
    codes: ['Space'],
    get glyph() {
      return t('teach.keys.space');
    },
    ariaKeys: 'Space',
    get label() {
      return t('teach.keys.playPause');
    },
    controlsOwnKey: true,
    run: (t) => t.setPlaying(!t.playing),
  },
} satisfies Record<string, TeachKeyAction>;

/** The table's rows in the order the hint line lists them. */
export const TEACH_KEY_LIST: readonly TeachKeyAction[] = Object.values(TEACH_KEYS);

/**
 * The action a key press asks for, or undefined when the key is not Teach's: with a modifier, while
 * the user types in a field, or Space on a focused control (a button, a checkbox).
 */
export function teachKeyAction(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): TeachKeyAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return undefined;
  const action = TEACH_KEY_LIST.find((a) => a.keys.includes(e.key) || a.codes?.includes(e.code));
  return action && !(action.controlsOwnKey && isControl(e.target)) ? action : undefined;
}
