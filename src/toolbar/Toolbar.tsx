/** The toolbar: file actions, samples, undo/redo, layout, the mode switch and Help. */
import { useRef } from 'react';
import { editorStore, useEditor } from '../store/useEditor.ts';
import { MODEL_FILE_TYPES, openFile } from '../io/files.ts';
import { ExportMenu } from '../share/ExportMenu.tsx';
import { SamplesMenu } from './SamplesMenu.tsx';
import { autoLayout } from './actions.ts';
import { NewButton } from './NewButton.tsx';
import { saveGraph } from './unsaved.ts';
import { HelpButton } from '../onboarding/HelpButton.tsx';
import { SkipLink } from '../a11y/SkipLink.tsx';
import { ModeSwitch } from './ModeSwitch.tsx';
import { LanguageMenu } from '../i18n/LanguageMenu.tsx';
import { useTranslation } from 'react-i18next';
import { useToolbarFit } from './toolbarFit.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function Toolbar() {
  const { t } = useTranslation();
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const undoLabel = useEditor((s) => s.history.past.at(-1)?.label);
  const redoLabel = useEditor((s) => s.history.future.at(-1)?.label);
  const name = useEditor((s) => s.model.name);
  const fileInput = useRef<HTMLInputElement>(null);
  const bar = useRef<HTMLElement>(null);
  useToolbarFit(bar);
  const store = editorStore.getState();

  return (
    <header ref={bar} className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <SkipLink />
      <div className="toolbar__brand" aria-hidden="true">
        {/* i18n-exempt: the product name */}
        <span className="logo">∂</span> <span className="toolbar__name">GraphGrad</span>
      </div>
      <div className="toolbar__group">
        <NewButton />
        <button type="button" onClick={() => fileInput.current?.click()} title={t('toolbar.open.title')}>
          {t('toolbar.open.name')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={MODEL_FILE_TYPES}
          hidden
          aria-label={t('toolbar.open.file')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openFile(file);
          }}
        />
        <button type="button" onClick={saveGraph} title={t('toolbar.save.title')}>
          {t('toolbar.save.name')}
        </button>
        <ExportMenu />
        <SamplesMenu />
      </div>
      <div className="toolbar__group">
        <button
          type="button"
          disabled={!canUndo}
          onClick={() => store.undo()}
          aria-label={t('toolbar.undo.name')}
          title={t('toolbar.undo.title', { action: undoLabel ?? '', keys: `${mod}Z` })}
        >
          ↶ <span className="btn-text">{t('toolbar.undo.name')}</span>
        </button>
        <button
          type="button"
          disabled={!canRedo}
          onClick={() => store.redo()}
          aria-label={t('toolbar.redo.name')}
          title={t('toolbar.redo.title', { action: redoLabel ?? '', keys: `${mod}Shift+Z` })}
        >
          ↷ <span className="btn-text">{t('toolbar.redo.name')}</span>
        </button>
        <button type="button" onClick={() => void autoLayout()} title={t('toolbar.layout.title')}>
          {t('toolbar.layout.name')}
        </button>
      </div>
      <div className="toolbar__title" title={name}>
        {name}
      </div>
      <ModeSwitch />
      <LanguageMenu />
      <HelpButton />
    </header>
  );
}
