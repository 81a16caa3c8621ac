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

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function Toolbar() {
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const undoLabel = useEditor((s) => s.history.past.at(-1)?.label);
  const redoLabel = useEditor((s) => s.history.future.at(-1)?.label);
  const name = useEditor((s) => s.model.name);
  const fileInput = useRef<HTMLInputElement>(null);
  const store = editorStore.getState();

  return (
    <header className="toolbar" role="toolbar" aria-label="Editor toolbar">
      <SkipLink />
      <div className="toolbar__brand" aria-hidden="true">
        <span className="logo">∂</span> <span className="toolbar__name">GraphGrad</span>
      </div>
      <div className="toolbar__group">
        <NewButton />
        <button type="button" onClick={() => fileInput.current?.click()} title="Open a GraphGrad .json model">
          Open
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={MODEL_FILE_TYPES}
          hidden
          aria-label="Open model file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openFile(file);
          }}
        />
        <button type="button" onClick={saveGraph} title="Download the graph as JSON">
          Save
        </button>
        <ExportMenu />
        <SamplesMenu />
      </div>
      <div className="toolbar__group">
        <button type="button" disabled={!canUndo} onClick={() => store.undo()} aria-label="Undo" title={`Undo ${undoLabel ?? ''} (${mod}Z)`}>
          ↶ <span className="btn-text">Undo</span>
        </button>
        <button type="button" disabled={!canRedo} onClick={() => store.redo()} aria-label="Redo" title={`Redo ${redoLabel ?? ''} (${mod}Shift+Z)`}>
          ↷ <span className="btn-text">Redo</span>
        </button>
        <button type="button" onClick={() => void autoLayout()} title="Arrange the graph in layers, left to right">
          Auto-layout
        </button>
      </div>
      <div className="toolbar__title" title={name}>
        {name}
      </div>
      <ModeSwitch />
      <HelpButton />
    </header>
  );
}
