/** Editor keyboard shortcuts. They stay out of the way while the user types in a field. */
import { useEffect } from 'react';
import { editorStore } from '../store/useEditor.ts';
import { isTyping } from '../ui/isTyping.ts';
import { canvasApi } from './canvasApi.ts';

function handleShortcut(e: KeyboardEvent): boolean {
  const store = editorStore.getState();
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (e.key === 'Escape') {
    store.clearSelection();
    return true;
  }
  if (isTyping(e.target)) return false;
  if (mod && key === 'z') e.shiftKey ? store.redo() : store.undo();
  else if (mod && key === 'y') store.redo();
  else if (mod && key === 'c') {
    const clip = store.copy();
    if (clip) void navigator.clipboard?.writeText(JSON.stringify(clip)).catch(() => undefined);
  } else if (mod && (key === 'v' || key === 'd')) {
    const sizeOf = (id: string) => canvasApi()?.measuredSize(id);
    const pasted = key === 'v' ? store.paste(undefined, sizeOf) : store.duplicate(sizeOf);
    // The copy lands in the nearest free spot, which can be off screen: bring it into view.
    if (pasted.length) canvasApi()?.reveal(pasted);
  } else if (mod && key === 'a') store.selectAll();
  else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) store.removeSelection();
  else if (!mod && e.key === '/') canvasApi()?.openQuickAdd();
  else return false;
  return true;
}

export function useShortcuts(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (handleShortcut(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
