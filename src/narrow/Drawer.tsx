/**
 * A side panel that, on a narrow screen, folds into a tab at the workspace's edge and opens as a
 * drawer over the canvas (one at a time). On a wide screen it is the panel as it always was.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { closeDrawers, drawerStore, toggleDrawer, useNarrow, type DrawerName } from './drawers.ts';
import './narrow.css';

export function Drawer({ name, side, tab, title, children }: { name: DrawerName; side: 'left' | 'right'; tab: string; title: string; children: ReactNode }) {
  const narrow = useNarrow();
  const open = drawerStore((s) => s.open === name);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open || !narrow) return;
    // Escape closes it and gives the focus back to its tab.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      closeDrawers();
      root.current?.querySelector<HTMLButtonElement>('.drawer__tab')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, narrow]);
  if (!narrow) return children;
  return (
    <div ref={root} className={`drawer drawer--${side}${open ? ' is-open' : ''}`}>
      <button type="button" className="drawer__tab" aria-expanded={open} aria-controls={id} title={title} onClick={() => toggleDrawer(name)}>
        {tab}
      </button>
      <div id={id} className="drawer__body" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
