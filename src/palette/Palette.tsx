/** The op palette: search, categories from the registry, drag an entry to the canvas or click it. */
import { useEffect, useState, type DragEvent } from 'react';
import { preloadPaletteOps } from '../io/onDemandOps.ts';
import { opsByCategory } from './opSearch.ts';
import { PALETTE_MIME } from './dragData.ts';
import { editorStore } from '../store/useEditor.ts';
import { canvasApi } from '../canvas/canvasApi.ts';
import { announce } from '../a11y/announce.ts';
import { nodeLabel } from '../../graph-engine/index.ts';

function onDragStart(e: DragEvent, op: string) {
  e.dataTransfer.setData(PALETTE_MIME, op);
  e.dataTransfer.effectAllowed = 'move';
}

function addAtCentre(op: string) {
  const store = editorStore.getState();
  const id = store.addNode(op, canvasApi()?.centre() ?? { x: 0, y: 0 });
  const node = editorStore.getState().model.nodes.find((n) => n.id === id);
  // Said for screen readers: the card appears where the eye, not the focus, is.
  announce(`Added ${op} ${node ? nodeLabel(node) : id} at the centre of the canvas. Skip to canvas, at the top, reaches it.`);
}

export function Palette() {
  const [query, setQuery] = useState('');
  // Expression nodes register themselves once mathjs has loaded; show them when they arrive.
  const [, setLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    void preloadPaletteOps().then(() => live && setLoaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, []);
  const groups = opsByCategory(query);
  return (
    <aside className="palette" aria-label="Palette">
      <input
        className="palette__search"
        type="search"
        placeholder="Search ops"
        aria-label="Search ops"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="palette__groups">
        {groups.map(({ category, ops }) => (
          <section key={category} className="palette__group" aria-label={category}>
            <h2>{category}</h2>
            <ul>
              {ops.map((op) => (
                <li key={op.name}>
                  <button
                    type="button"
                    className="palette__item"
                    draggable
                    onDragStart={(e) => onDragStart(e, op.name)}
                    onClick={() => addAtCentre(op.name)}
                    title={`${op.symbol}  ${op.name}: ${op.description}\nDrag onto the canvas, or click to add at the centre.`}
                    data-op={op.name}
                  >
                    <span className="palette__symbol" aria-hidden="true">
                      {op.symbol}
                    </span>
                    <span className="palette__name">{op.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 && <p className="palette__none">No op matches "{query}".</p>}
      </div>
    </aside>
  );
}
