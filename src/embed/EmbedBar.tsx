/**
 * The embed's only chrome: the graph's name, the mode switch, Undo, and "Open in GraphGrad",
 * which opens the same sample or lesson in the full app in a new tab.
 */
import { LEARN, MODES } from '../store/editorStore.ts';
import { editorStore, useEditor } from '../store/useEditor.ts';
import { fullAppUrl } from './embed.ts';
import './embed.css';

export function EmbedBar() {
  const mode = useEditor((s) => s.mode);
  const learn = useEditor((s) => s.learn);
  const name = useEditor((s) => s.model.name);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const store = editorStore.getState();
  return (
    <header className="toolbar embed-bar" aria-label="GraphGrad (embedded)">
      <span className="logo" aria-hidden="true">
        ∂
      </span>
      <div className="toolbar__title embed-bar__title" title={name}>
        {name}
      </div>
      <button type="button" disabled={!canUndo} onClick={() => store.undo()} aria-label="Undo">
        ↶
      </button>
      <div className="mode-switch" role="group" aria-label="Mode">
        {MODES.map((m) => (
          <button
            key={m.id}
            type="button"
            aria-pressed={!learn && mode === m.id}
            className={!learn && mode === m.id ? 'is-active' : ''}
            onClick={() => store.setMode(m.id)}
          >
            {m.name}
          </button>
        ))}
        <button type="button" aria-pressed={learn} className={learn ? 'is-active' : ''} onClick={() => store.setLearn(true)}>
          {LEARN.name}
        </button>
      </div>
      <a className="embed-bar__open" href={fullAppUrl(location.href)} target="_blank" rel="noopener noreferrer">
        Open in GraphGrad ↗
      </a>
    </header>
  );
}
