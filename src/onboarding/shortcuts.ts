/**
 * The keyboard shortcuts Help lists: the ones the editor really handles (canvas/useShortcuts.ts,
 * Canvas.tsx's selection keys, QuickAdd.tsx, ui/Menu.tsx, inspector/WeightGrid.tsx,
 * train/FitPlot.tsx), and Teach's and keyboard wiring's from their own key tables, so their keys
 * cannot drift from the list. Built when Help renders, so it is in the current language.
 */
import { TEACH_KEY_LIST } from '../modes/teach/panel/teachKeys.ts';
import { A11Y_KEYS } from '../a11y/keys.ts';
import { t } from '../i18n/i18n.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

export interface Shortcut {
  /** Key combinations, each a list of keys pressed together. */
  keys: readonly (readonly string[])[];
  does: string;
}

export interface ShortcutGroup {
  title: string;
  items: readonly Shortcut[];
}

/** Help's shortcut tables, in the current language, with key names as that language's keyboards print them (Supr, Mayús). */
export function shortcutGroups(): readonly ShortcutGroup[] {
  return [
    {
      title: t('toolbar.modes.build.name'),
      items: [
        { keys: [['/']], does: t('onboarding.shortcuts.build.quickAdd') },
        { keys: [[mod, 'Z']], does: t('onboarding.shortcuts.build.undo') },
        {
          keys: [
            [mod, t('onboarding.keyNames.shift'), 'Z'],
            [mod, 'Y'],
          ],
          does: t('onboarding.shortcuts.build.redo'),
        },
        { keys: [[mod, 'C']], does: t('onboarding.shortcuts.build.copy') },
        { keys: [[mod, 'V']], does: t('onboarding.shortcuts.build.paste') },
        { keys: [[mod, 'D']], does: t('onboarding.shortcuts.build.duplicate') },
        { keys: [[mod, 'A']], does: t('onboarding.shortcuts.build.selectAll') },
        { keys: [[t('onboarding.keyNames.delete')], [t('onboarding.keyNames.backspace')]], does: t('onboarding.shortcuts.build.delete') },
        { keys: [[t('onboarding.keyNames.escape')]], does: t('onboarding.shortcuts.build.clear') },
        { keys: [[t('onboarding.keyNames.shift'), t('onboarding.shortcuts.drag')]], does: t('onboarding.shortcuts.build.boxSelect') },
        { keys: [[mod, t('onboarding.shortcuts.click')]], does: t('onboarding.shortcuts.build.addToSelection') },
      ],
    },
    {
      title: t('toolbar.modes.teach.name'),
      items: TEACH_KEY_LIST.map((k) => ({ keys: [[k.glyph]], does: k.label[0].toUpperCase() + k.label.slice(1) })),
    },
    {
      title: t('onboarding.shortcuts.wiring'),
      // "Tab / Shift+Tab", "Shift+F10 or Menu": one combination each side of " / " or " or ".
      // Quick add (/) is listed once, under Build.
      items: A11Y_KEYS.filter((k) => k.keys !== '/').map((k) => ({
        keys: k.keys.split(/ \/ | or /).map((combo) => combo.split(/(?<=\S)\+(?=\S)/)),
        does: k.action,
      })),
    },
    {
      title: t('onboarding.shortcuts.menus'),
      items: [
        { keys: [['↓'], ['↑']], does: t('onboarding.shortcuts.menu.open') },
        { keys: [[t('onboarding.keyNames.escape')]], does: t('onboarding.shortcuts.menu.close') },
        { keys: [['↑'], ['↓'], ['←'], ['→']], does: t('onboarding.shortcuts.menu.weightGrid') },
        { keys: [['←'], ['→']], does: t('onboarding.shortcuts.menu.fitPlot') },
      ],
    },
  ];
}
