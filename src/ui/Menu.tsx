/**
 * A toolbar drop-down menu: a button that opens a list of items; outside clicks and Escape close
 * it. Keyboard as in the WAI-ARIA menu button pattern: opening focuses the first item, arrows,
 * Home and End move, Escape closes and returns to the button, Tab leaves.
 */
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  label: string;
  /** A second, quieter line under the label. */
  detail?: string;
  hint?: string;
  /** A heading shown above the first item of each run of items with the same group. */
  group?: string;
  run: () => unknown;
}

export function Menu({ name, button, title, items }: { name: string; button: ReactNode; title?: string; items: readonly MenuItem[] }) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const entries = () => [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    const list = entries();
    (open === 'last' ? list.at(-1) : list[0])?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const closeOnEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      if (root.current?.contains(document.activeElement)) trigger.current?.focus();
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="menu"
        aria-expanded={!!open}
        title={title}
        onClick={() => setOpen((o) => (o ? false : 'first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {button}
      </button>
      {open && (
        <ul className="menu__list" role="menu" aria-label={name} onKeyDown={(e) => moveFocus(e, entries(), () => setOpen(false))}>
          {items.map((item, i) => [
            item.group && item.group !== items[i - 1]?.group && (
              <li key={`group-${item.group}`} role="presentation" className="menu__group">
                {item.group}
              </li>
            ),
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                title={item.hint}
                onClick={() => {
                  setOpen(false);
                  trigger.current?.focus();
                  void item.run();
                }}
              >
                {item.label}
                {item.detail && <span className="menu__detail">{item.detail}</span>}
              </button>
            </li>,
          ])}
        </ul>
      )}
    </div>
  );
}

/** Arrow keys, Home and End move between the items; Tab closes the menu and moves on. */
function moveFocus(e: ReactKeyboardEvent, items: HTMLButtonElement[], close: () => void) {
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const to = { ArrowDown: (at + 1) % items.length, ArrowUp: (at - 1 + items.length) % items.length, Home: 0, End: items.length - 1 }[e.key];
  if (e.key === 'Tab') close();
  if (to === undefined) return;
  e.preventDefault();
  items[to]?.focus();
}
