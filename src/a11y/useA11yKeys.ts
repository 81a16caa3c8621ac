/**
 * The keys this folder adds (keys.ts lists them for Help): C starts a keyboard connection from
 * the focused card, I jumps to its settings in the inspector, Escape there comes back to the
 * card, and Shift+F10 or the Menu key opens the card's menu. Build mode only, and never while the
 * user types in a field (except Escape, which leaves the field).
 */
import { openDrawer } from '../narrow/drawers.ts';
import { useEffect } from 'react';
import { editorStore } from '../store/useEditor.ts';
import { isTyping } from '../ui/isTyping.ts';
import { startConnect } from './connectSession.ts';
import { focusedNodeId, focusNode } from './focusNode.ts';
import { openNodeMenu } from './nodeMenuStore.ts';

function selectOnly(id: string) {
  const store = editorStore.getState();
  store.clearSelection();
  store.changeSelection([{ kind: 'node', id, selected: true }]);
}

function onKey(e: KeyboardEvent): boolean {
  const store = editorStore.getState();
  if (store.mode !== 'build') return false;
  const mod = e.ctrlKey || e.metaKey || e.altKey;
  // Escape in the inspector: back to the card being edited (the editor's Escape then clears the selection).
  if (e.key === 'Escape' && e.target instanceof Element && e.target.closest('.inspector') && store.selectedNodes.size === 1) {
    focusNode([...store.selectedNodes][0]);
    return false;
  }
  const card = focusedNodeId(e.target);
  if (!card || isTyping(e.target)) return false;
  if (!mod && (e.key === 'c' || e.key === 'C') && !e.shiftKey) startConnect(card);
  else if (!mod && (e.key === 'i' || e.key === 'I') && !e.shiftKey) {
    selectOnly(card);
    openDrawer('inspector'); // on a narrow screen the inspector is a closed drawer until asked for
    // The inspector shows the card in the next render.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.inspector #node-label')?.focus());
  } else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
    const r = (e.target as Element).getBoundingClientRect();
    openNodeMenu(card, { x: r.left + 12, y: r.top + 12 }, true);
  } else return false;
  return true;
}

export function useA11yKeys(): void {
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (onKey(e)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    // Capture: before the editor's own shortcuts see the key.
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
}
