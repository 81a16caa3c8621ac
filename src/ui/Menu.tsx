/** A toolbar drop-down menu: a button that opens a list of items; outside clicks and Escape close it. */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface MenuItem {
  label: string;
  /** A second, quieter line under the label. */
  detail?: string;
  hint?: string;
  run: () => unknown;
}

export function Menu({ name, button, title, items }: { name: string; button: ReactNode; title?: string; items: readonly MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} title={title} onClick={() => setOpen((o) => !o)}>
        {button}
      </button>
      {open && (
        <ul className="menu__list" role="menu" aria-label={name}>
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                title={item.hint}
                onClick={() => {
                  setOpen(false);
                  void item.run();
                }}
              >
                {item.label}
                {item.detail && <span className="menu__detail">{item.detail}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
