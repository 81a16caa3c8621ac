/**
 * Copies text to the clipboard: true when it is there. False, never a throw, where the page may
 * not (no permission or focus) or cannot (no clipboard outside a secure context: plain http).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
