/**
 * The side panel of Teach and Train mode (Build mode's is the inspector). Each mode lives in its
 * own folder under src/modes/, reading the same store and engine.
 */
import type { Mode } from '../store/editorStore.ts';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { TeachPanel } from './teach/panel/TeachPanel.tsx';

// Train mode's panel (uPlot, charts, the training worker) loads on demand.
const TrainPanel = lazy(() => import('./train/TrainPanel.tsx'));

export function ModePanel({ mode }: { mode: Exclude<Mode, 'build'> }) {
  const { t } = useTranslation();
  if (mode === 'teach') return <TeachPanel />;
  return (
    <Suspense fallback={<aside className="inspector mode-panel" aria-label={t('teach.panel.trainLabel')} aria-busy="true" />}>
      <TrainPanel />
    </Suspense>
  );
}
