/**
 * Touch: a long-press on a card opens its menu (NodeMenu.tsx), as a right-click does with a mouse.
 * Build mode only. A finger that moves (a drag, a pan) or lifts early is no long-press.
 */
import { useEffect } from 'react';
import { editorStore } from '../store/useEditor.ts';
import { openNodeMenu } from './nodeMenuStore.ts';

const HOLD_MS = 550;
const SLOP_PX = 10;

const cardAt = (target: EventTarget | null) => {
  const el = target instanceof Element ? target : null;
  // Not on a handle: pressing there starts a connection.
  if (!el || el.closest('.react-flow__handle')) return undefined;
  return el.closest<HTMLElement>('.react-flow__node-op')?.dataset.id;
};

export function useLongPress(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let start: { x: number; y: number } | undefined;
    const cancel = () => {
      clearTimeout(timer);
      timer = undefined;
      start = undefined;
    };
    const down = (e: PointerEvent) => {
      cancel();
      if (e.pointerType !== 'touch' || !e.isPrimary || editorStore.getState().mode !== 'build') return;
      const node = cardAt(e.target);
      if (!node) return;
      start = { x: e.clientX, y: e.clientY };
      const at = { x: e.clientX, y: e.clientY };
      timer = setTimeout(() => {
        cancel();
        openNodeMenu(node, at, false);
      }, HOLD_MS);
    };
    const move = (e: PointerEvent) => {
      if (start && Math.hypot(e.clientX - start.x, e.clientY - start.y) > SLOP_PX) cancel();
    };
    // A right-click, or the browser's own long-press menu (Android): ours instead.
    const context = (e: MouseEvent) => {
      if (editorStore.getState().mode !== 'build') return;
      const node = cardAt(e.target);
      if (!node) return;
      e.preventDefault();
      cancel();
      openNodeMenu(node, { x: e.clientX, y: e.clientY }, false);
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointermove', move, true);
    document.addEventListener('pointerup', cancel, true);
    document.addEventListener('pointercancel', cancel, true);
    document.addEventListener('contextmenu', context);
    return () => {
      cancel();
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointermove', move, true);
      document.removeEventListener('pointerup', cancel, true);
      document.removeEventListener('pointercancel', cancel, true);
      document.removeEventListener('contextmenu', context);
    };
  }, []);
}
