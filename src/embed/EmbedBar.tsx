/**
 * The embed's only chrome: the graph's name, the mode switch, Undo, and "Open in GraphGrad",
 * which opens the same sample or lesson in the full app in a new tab.
 */
import { useTranslation } from 'react-i18next';
import { ModeSwitch } from '../toolbar/ModeSwitch.tsx';
import { editorStore, useEditor } from '../store/useEditor.ts';
import { fullAppUrl } from './embed.ts';
import './embed.css';

export function EmbedBar() {
  const { t } = useTranslation();
  const name = useEditor((s) => s.model.name);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const store = editorStore.getState();
  return (
    <header className="toolbar embed-bar" aria-label={t('embed.label')}>
      <span className="logo" aria-hidden="true">
        ∂
      </span>
      <div className="toolbar__title embed-bar__title" title={name}>
        {name}
      </div>
      <button type="button" disabled={!canUndo} onClick={() => store.undo()} aria-label={t('embed.undo')}>
        ↶
      </button>
      <ModeSwitch />
      <a className="embed-bar__open" href={fullAppUrl(location.href)} target="_blank" rel="noopener noreferrer">
        {t('embed.open')}
      </a>
    </header>
  );
}
