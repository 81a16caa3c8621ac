/**
 * The keyboard shortcuts Help lists: the ones the editor really handles (canvas/useShortcuts.ts,
 * Canvas.tsx's selection keys, QuickAdd.tsx, ui/Menu.tsx, inspector/WeightGrid.tsx,
 * train/FitPlot.tsx), and Teach's from its own key table, so its keys cannot drift from the list.
 * User-facing text, kept together for a later message catalog.
 */
import { TEACH_KEY_LIST } from '../modes/teach/panel/teachKeys.ts';

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

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Build',
    items: [
      { keys: [['/']], does: 'Quick add: type an op’s name, ↑ ↓ to choose, Enter to add (or double-click the canvas)' },
      { keys: [[mod, 'Z']], does: 'Undo' },
      {
        keys: [
          [mod, 'Shift', 'Z'],
          [mod, 'Y'],
        ],
        does: 'Redo',
      },
      { keys: [[mod, 'C']], does: 'Copy the selected nodes' },
      { keys: [[mod, 'V']], does: 'Paste' },
      { keys: [[mod, 'D']], does: 'Duplicate the selected nodes' },
      { keys: [[mod, 'A']], does: 'Select everything' },
      { keys: [['Delete'], ['Backspace']], does: 'Delete the selection' },
      { keys: [['Escape']], does: 'Clear the selection' },
      { keys: [['Shift', 'drag']], does: 'Select the nodes in a box' },
      { keys: [[mod, 'click']], does: 'Add a node or edge to the selection' },
    ],
  },
  {
    title: 'Teach',
    items: TEACH_KEY_LIST.map((k) => ({ keys: [[k.glyph]], does: k.label[0].toUpperCase() + k.label.slice(1) })),
  },
  {
    title: 'Menus, weights and plots',
    items: [
      { keys: [['↓'], ['↑']], does: 'On a menu button: open it; in a menu: move (Home, End: first, last)' },
      { keys: [['Escape']], does: 'Close a menu or dialog' },
      { keys: [['↑'], ['↓'], ['←'], ['→']], does: 'Weight grid (inspector): move between cells; Enter or Tab keeps the number, Escape puts it back' },
      { keys: [['←'], ['→']], does: 'Train’s fit plot: show the previous or next data point on the canvas' },
    ],
  },
];
