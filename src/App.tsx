/** The editor's layout: toolbar on top; palette, canvas and inspector (or a mode panel) below. */
import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
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
import { isEmbedded } from './embed/embed.ts';
import { EmbedBar } from './embed/EmbedBar.tsx';
import { LearnPanel } from './modes/learn/LearnPanel.tsx';
import { usePaletteInLearn } from './modes/learn/usePaletteInLearn.ts';

/** In an iframe (`?embed`): minimal chrome, the palette only where the page is for building. */
const embedded = isEmbedded();

export function App() {
  const { t } = useTranslation();
  const mode = useEditor((s) => s.mode);
  const learn = useEditor((s) => s.learn);
  const paletteInLearn = usePaletteInLearn();
  useShortcuts(mode === 'build');
  return (
    <ReactFlowProvider>
      <div className={`app app--${mode}${embedded ? ' app--embed' : ''}${learn ? ' app--learn' : ''}`}>
        <ErrorBoundary name="toolbar">{embedded ? <EmbedBar /> : <Toolbar />}</ErrorBoundary>
        {!embedded && <Welcome />}
        <main className="workspace">
          {learn && (
            <ErrorBoundary name="learn panel">
              <LearnPanel />
            </ErrorBoundary>
          )}
          {mode === 'build' && (!learn || paletteInLearn) && (
            <ErrorBoundary name="palette">
              <Drawer name="palette" side="left" tab={t('common.drawers.palette.tab')} title={t('common.drawers.palette.title')}>
                <Palette />
              </Drawer>
            </ErrorBoundary>
          )}
          <ErrorBoundary name="canvas" resetKey={mode}>
            <Canvas />
          </ErrorBoundary>
          <ErrorBoundary name={mode === 'build' ? 'inspector' : `${mode} panel`} resetKey={mode}>
            {mode === 'build' ? (
              <Drawer name="inspector" side="right" tab={t('common.drawers.inspector.tab')} title={t('common.drawers.inspector.title')}>
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
