/**
 * The mode-specific side panel. Build mode uses the inspector; Teach (stepping through forward
 * and reverse mode) and Train (datasets, live training in a worker) plug in here, each in its own
 * folder under src/modes/, reading the same store and engine.
 */
import type { Mode } from '../store/editorStore.ts';
import { lazy, Suspense } from 'react';
import { TeachPanel } from './teach/panel/TeachPanel.tsx';

// Train mode's panel (uPlot, charts) loads on demand.
const TrainPanel = lazy(() => import('./train/TrainPanel.tsx'));

const COMING: Record<Exclude<Mode, 'build'>, { title: string; text: string }> = {
  teach: {
    title: 'Teach mode is coming soon',
    text: 'Step through forward and reverse mode node by node, with the chain rule written out on the canvas.',
  },
  train: {
    title: 'Train mode is coming soon',
    text: 'Train this graph on a dataset in the browser, with live loss curves and decision boundaries.',
  },
};

export function ComingSoonPanel({ mode }: { mode: Exclude<Mode, 'build'> }) {
  if (mode === 'teach') return <TeachPanel />;
  if (mode === 'train') {
    return (
      <Suspense fallback={<aside className="inspector mode-panel" aria-label="Train panel" aria-busy="true" />}>
        <TrainPanel />
      </Suspense>
    );
  }
  const { title, text } = COMING[mode];
  return (
    <aside className="inspector mode-panel" aria-label={`${mode} panel`}>
      <h2>{title}</h2>
      <p>{text}</p>
      <p className="muted">Switch back to Build to edit the graph.</p>
    </aside>
  );
}
