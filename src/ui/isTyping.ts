/**
 * Whether a key event's target takes text, so keyboard shortcuts leave the key to it. Checkboxes,
 * radios, buttons and sliders take no text: Ctrl+Z on a focused checkbox still undoes. (Space and
 * Enter on them are their own action; a handler that binds those keys checks `isControl`.)
 */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !NON_TEXT_INPUTS.has((el as HTMLInputElement).type);
}

/** Whether the target is a control that Space and Enter activate (a button, checkbox, link, ...). */
export function isControl(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return (
    el.tagName === 'BUTTON' ||
    el.tagName === 'A' ||
    el.tagName === 'SUMMARY' ||
    (el.tagName === 'INPUT' && !isTyping(el)) ||
    el.getAttribute('role') === 'button'
  );
}
