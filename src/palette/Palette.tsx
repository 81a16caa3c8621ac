/** The op palette: search, categories from the registry, drag an entry to the canvas or click it. */
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { t as translate } from '../i18n/i18n.ts';
import { categoryName, opDescription } from '../i18n/opText.ts';
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
  announce(translate('palette.added', { op, label: node ? nodeLabel(node) : id }));
}

export function Palette() {
  const { t } = useTranslation();
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
    <aside className="palette" aria-label={t('palette.label')}>
      <input
        className="palette__search"
        type="search"
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="palette__groups">
        {groups.map(({ category, ops }) => (
          <section key={category} className="palette__group" aria-label={categoryName(category)}>
            <h2>{categoryName(category)}</h2>
            <ul>
              {ops.map((op) => (
                <li key={op.name}>
                  <button
                    type="button"
                    className="palette__item"
                    draggable
                    onDragStart={(e) => onDragStart(e, op.name)}
                    onClick={() => addAtCentre(op.name)}
                    title={t('palette.item', { symbol: op.symbol, name: op.name, description: opDescription(op) })}
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
        {groups.length === 0 && <p className="palette__none">{t('palette.none', { query })}</p>}
      </div>
    </aside>
  );
}
