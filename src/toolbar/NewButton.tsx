/** The toolbar's New button, and the question it asks before replacing a graph with unsaved changes. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelNewGraph, newGraphAsk, requestNewGraph, startNewGraph } from './newGraph.ts';
import './newButton.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const undoKeys = isMac ? '⌘Z' : 'Ctrl+Z';

export function NewButton() {
  const { t } = useTranslation();
  const asking = newGraphAsk((s) => s.asking);
  const box = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!asking) return;
    // The safe answer has the focus: Enter keeps the graph.
    box.current?.querySelector<HTMLButtonElement>('.new-ask__cancel')?.focus();
    const close = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node) && e.target !== trigger.current) cancelNewGraph();
    };
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      cancelNewGraph();
      trigger.current?.focus();
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', onEscape);
    };
  }, [asking]);
  return (
    <div className="new-graph">
      <button ref={trigger} type="button" onClick={() => (asking ? cancelNewGraph() : requestNewGraph())} title={t('toolbar.new.title')} aria-expanded={asking}>
        {t('toolbar.new.name')}
      </button>
      {asking && (
        <div ref={box} className="new-ask" role="alertdialog" aria-modal="false" aria-labelledby="new-ask-title" aria-describedby="new-ask-why">
          <p id="new-ask-title" className="new-ask__title">
            {t('toolbar.new.question')}
          </p>
          <p id="new-ask-why" className="new-ask__why">
            {t('toolbar.new.why')} {t('toolbar.new.undo', { keys: undoKeys })}
          </p>
          <div className="new-ask__actions">
            <button
              type="button"
              className="new-ask__confirm"
              onClick={() => {
                startNewGraph(newGraphAsk.getState().afterwards);
                trigger.current?.focus();
              }}
            >
              {t('toolbar.new.confirm')}
            </button>
            <button
              type="button"
              className="new-ask__cancel"
              onClick={() => {
                cancelNewGraph();
                trigger.current?.focus();
              }}
            >
              {t('toolbar.new.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
