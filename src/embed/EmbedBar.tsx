/**
 * The embed's only chrome: the graph's name, the mode switch, Undo, and "Open in GraphGrad",
 * which opens the same sample or lesson in the full app in a new tab.
 */
import { ModeSwitch } from '../toolbar/ModeSwitch.tsx';
import { editorStore, useEditor } from '../store/useEditor.ts';
import { fullAppUrl } from './embed.ts';
import './embed.css';

export function EmbedBar() {
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
      <ModeSwitch />
      <a className="embed-bar__open" href={fullAppUrl(location.href)} target="_blank" rel="noopener noreferrer">
        Open in GraphGrad ↗
      </a>
    </header>
  );
}
