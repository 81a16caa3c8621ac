/** The Samples menu: the same samples/*.json files that `/?sample=<name>` links open. */
import { useEffect, useRef, useState } from 'react';
import { samples } from '../io/samples.ts';
import { openSample } from '../io/startup.ts';

const title = (name: string) => name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

export function SamplesMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Samples ▾
      </button>
      {open && (
        <ul className="menu__list" role="menu" aria-label="Samples" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {samples.map((s) => (
            <li key={s.name} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  void openSample(s.name);
                }}
              >
                {title(s.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
