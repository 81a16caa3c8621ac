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
import { Drawer } from './narrow/Drawer.tsx';
import { ModePanelFrame } from './narrow/ModePanelFrame.tsx';
import { Welcome } from './onboarding/Welcome.tsx';
import { HelpDialog } from './onboarding/HelpDialog.tsx';
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
        <Welcome />
        <main className="workspace">
          {mode === 'build' && (
            <ErrorBoundary name="palette">
              <Drawer name="palette" side="left" tab="Ops" title="The ops to add to the graph">
                <Palette />
              </Drawer>
            </ErrorBoundary>
          )}
          <ErrorBoundary name="canvas" resetKey={mode}>
            <Canvas />
          </ErrorBoundary>
          <ErrorBoundary name={mode === 'build' ? 'inspector' : `${mode} panel`} resetKey={mode}>
            {mode === 'build' ? (
              <Drawer name="inspector" side="right" tab="Inspector" title="The selected node's settings, or the graph's">
                <Inspector />
              </Drawer>
            ) : (
              <ModePanelFrame>
                <ModePanel mode={mode} />
              </ModePanelFrame>
            )}
          </ErrorBoundary>
        </main>
        <Notices />
        <HelpDialog />
        <A11yLayer />
      </div>
    </ReactFlowProvider>
  );
}
