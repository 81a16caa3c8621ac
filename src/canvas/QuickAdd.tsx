/** Quick-add: a search box over the ops that opens on the canvas; Enter adds the highlighted op. */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { searchOps } from '../palette/opSearch.ts';
import { editorStore } from '../store/useEditor.ts';
import type { XY } from '../store/modelEdits.ts';

export interface QuickAddAt {
  /** Where the box opens, relative to the canvas element. */
  screen: XY;
  /** Where the node goes, in flow coordinates. */
  flow: XY;
}

export function QuickAdd({ at, onClose }: { at: QuickAddAt; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = searchOps(query).slice(0, 8);
  useEffect(() => input.current?.focus(), []);

  const add = (op: string) => {
    editorStore.getState().addNode(op, at.flow);
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && matches[active]) add(matches[active].name);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="quick-add" style={{ left: at.screen.x, top: at.screen.y }} role="dialog" aria-label="Quick add">
      <input
        ref={input}
        value={query}
        placeholder="Add an op…"
        aria-label="Quick add search"
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
      <ul id="quick-add-list" role="listbox">
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
            <span className="quick-add__desc">{op.description}</span>
          </li>
        ))}
        {matches.length === 0 && <li className="quick-add__none">No op matches</li>}
      </ul>
    </div>
  );
}
