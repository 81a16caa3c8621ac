/**
 * The keys this folder adds, in one table: the Help dialog lists A11Y_KEYS, the README describes
 * them, and the connect picker prints its hint line from CONNECT_KEYS, so none can disagree.
 */
export interface KeyHelp {
  keys: string;
  action: string;
  /** How a hint line prints it, where one does. */
  short?: string;
}

/** Inside the keyboard-connect picker (KeyboardConnect.tsx). */
export const CONNECT_KEYS = {
  choose: { keys: '↑ ↓ or type a name', action: 'While connecting: choose the card and input port to wire to', short: '↑↓ or type to choose' },
  connect: { keys: 'Enter', action: 'While connecting: connect (one Undo step)', short: 'Enter connects' },
  cancel: { keys: 'Escape', action: 'While connecting: cancel, back on the card', short: 'Esc cancels' },
} satisfies Record<string, KeyHelp>;

/** The Help dialog's "Keyboard wiring and the canvas" shortcuts (onboarding/shortcuts.ts). */
export const A11Y_KEYS: readonly KeyHelp[] = [
  { keys: 'Skip to canvas', action: 'The first Tab stop: jumps past the toolbar and palette to the selected card (or the first one)' },
  { keys: 'Tab / Shift+Tab', action: 'Move between cards and wires on the canvas' },
  { keys: 'Enter or Space', action: 'Select the focused card or wire; arrow keys then move a selected card' },
  { keys: '/', action: 'Quick add: type an op, Enter adds it and focuses the new card' },
  { keys: 'C', action: 'Connect: start a wire from the focused card’s output' },
  CONNECT_KEYS.choose,
  CONNECT_KEYS.connect,
  CONNECT_KEYS.cancel,
  { keys: 'I', action: 'Edit the focused card in the inspector; Escape there returns to the card' },
  { keys: 'Shift+F10 or Menu', action: 'The focused card’s menu: Connect, Duplicate, Delete (Expand on a layer). Touch: long-press the card' },
];
