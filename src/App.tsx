/** The editor's layout: toolbar on top; palette, canvas and inspector (or a mode panel) below. */
import { ReactFlowProvider } from '@xyflow/react';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { Palette } from './palette/Palette.tsx';
import { Canvas } from './canvas/Canvas.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { Notices } from './ui/Notices.tsx';
import { ModePanel } from './modes/ModePanel.tsx';
import { useEditor } from './store/useEditor.ts';
import { useShortcuts } from './canvas/useShortcuts.ts';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { A11yLayer } from './a11y/A11yLayer.tsx';

export function App() {
  const mode = useEditor((s) => s.mode);
  useShortcuts(mode === 'build');
  return (
    <ReactFlowProvider>
      <div className={`app app--${mode}`}>
        <ErrorBoundary name="toolbar">
          <Toolbar />
        </ErrorBoundary>
        <main className="workspace">
          {mode === 'build' && (
            <ErrorBoundary name="palette">
              <Palette />
            </ErrorBoundary>
          )}
          <ErrorBoundary name="canvas" resetKey={mode}>
            <Canvas />
          </ErrorBoundary>
          <ErrorBoundary name={mode === 'build' ? 'inspector' : `${mode} panel`} resetKey={mode}>
            {mode === 'build' ? <Inspector /> : <ModePanel mode={mode} />}
          </ErrorBoundary>
        </main>
        <Notices />
        <A11yLayer />
      </div>
    </ReactFlowProvider>
  );
}
