/** Quick-add: a search box over the ops that opens on the canvas; Enter adds the highlighted op. */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { searchOps } from '../palette/opSearch.ts';
import { editorStore } from '../store/useEditor.ts';
import type { XY } from '../store/modelEdits.ts';
import { focusNode } from '../a11y/focusNode.ts';
import { useTranslation } from 'react-i18next';
import { opDescription } from '../i18n/opText.ts';

export interface QuickAddAt {
  /** Where the box opens, relative to the canvas element. */
  screen: XY;
  /** Where the node goes, in flow coordinates. */
  flow: XY;
}

export function QuickAdd({ at, onClose }: { at: QuickAddAt; onClose: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState(at.screen);
  const matches = searchOps(query).slice(0, 8);
  useEffect(() => input.current?.focus({ preventScroll: true }), []);
  // Opened near the canvas's right or bottom edge, the box moves in so all of it shows (and the
  // page does not scroll to it); near the bottom it opens upwards from the pointer. Decided once,
  // at its full height (an empty query lists the most ops), so it does not jump while typing.
  useLayoutEffect(() => {
    const el = box.current;
    const canvas = el?.parentElement;
    if (!el || !canvas) return;
    const margin = 8;
    const { offsetWidth: w, offsetHeight: h } = el;
    const x = Math.max(margin, Math.min(at.screen.x, canvas.clientWidth - w - margin));
    const below = at.screen.y + h + margin <= canvas.clientHeight;
    const y = Math.max(margin, below ? at.screen.y : Math.min(at.screen.y - h, canvas.clientHeight - h - margin));
    setPlace((p) => (p.x === x && p.y === y ? p : { x, y }));
  }, [at.screen.x, at.screen.y]);

  const add = (op: string, fromKeyboard = false) => {
    const id = editorStore.getState().addNode(op, at.flow);
    onClose();
    // From the keyboard, on to the new card: C wires it, I edits it (src/a11y).
    if (fromKeyboard) focusNode(id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && matches[active]) add(matches[active].name, true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div ref={box} className="quick-add" style={{ left: place.x, top: place.y }} role="dialog" aria-label={t('canvas.quickAdd.label')}>
      <input
        ref={input}
        value={query}
        placeholder={t('canvas.quickAdd.placeholder')}
        aria-label={t('canvas.quickAdd.search')}
        role="combobox"
        aria-expanded="true"
        aria-controls="quick-add-list"
        aria-activedescendant={matches[active] ? `quick-add-${matches[active].name}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={onClose}
      />
      <ul id="quick-add-list" role="listbox" aria-label={t('canvas.quickAdd.matches')}>
        {matches.map((op, i) => (
          <li
            key={op.name}
            id={`quick-add-${op.name}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : ''}
            onMouseDown={(e) => {
              e.preventDefault();
              add(op.name);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="quick-add__symbol">{op.symbol}</span>
            <span className="quick-add__name">{op.name}</span>
            <span className="quick-add__desc">{opDescription(op)}</span>
          </li>
        ))}
        {matches.length === 0 && <li className="quick-add__none">{t('canvas.quickAdd.none')}</li>}
      </ul>
    </div>
  );
}
