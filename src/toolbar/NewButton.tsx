/** The toolbar's New button, and the question it asks before replacing a graph with unsaved changes. */
import { useEffect, useRef } from 'react';
import { cancelNewGraph, newGraphAsk, requestNewGraph, startNewGraph } from './newGraph.ts';
import './newButton.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** User-facing text, together for a later message catalog. */
const NEW_TEXT = {
  button: 'New',
  title: 'Start an empty graph',
  question: 'Replace this graph with an empty one?',
  why: 'It has changes since you opened or saved it.',
  undo: `Undo (${isMac ? '⌘Z' : 'Ctrl+Z'}) brings it back.`,
  confirm: 'Start an empty graph',
  cancel: 'Keep this graph',
} as const;

export function NewButton() {
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
      <button ref={trigger} type="button" onClick={() => (asking ? cancelNewGraph() : requestNewGraph())} title={NEW_TEXT.title} aria-expanded={asking}>
        {NEW_TEXT.button}
      </button>
      {asking && (
        <div ref={box} className="new-ask" role="alertdialog" aria-modal="false" aria-labelledby="new-ask-title" aria-describedby="new-ask-why">
          <p id="new-ask-title" className="new-ask__title">
            {NEW_TEXT.question}
          </p>
          <p id="new-ask-why" className="new-ask__why">
            {NEW_TEXT.why} {NEW_TEXT.undo}
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
              {NEW_TEXT.confirm}
            </button>
            <button
              type="button"
              className="new-ask__cancel"
              onClick={() => {
                cancelNewGraph();
                trigger.current?.focus();
              }}
            >
              {NEW_TEXT.cancel}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
