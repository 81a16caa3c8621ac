/**
 * The Train panel: controls, live loss and metrics, the decision boundary, optimisation settings,
 * the dataset and how its columns bind to the graph's inputs. Loaded on demand with Train mode.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/useEditor.ts';
import { Boundary } from './Boundary.tsx';
import { BoundaryLegend, SampleShown } from './BoundaryLegend.tsx';
import { FitPlot } from './FitPlot.tsx';
import { guardUnloadWhileTraining } from './leaveGuard.ts';
import { BindingSection } from './panel/BindingSection.tsx';
import { Controls, PaceRow } from './panel/Controls.tsx';
import { DatasetSection } from './panel/DatasetSection.tsx';
import { DigitPadSection } from './panel/DigitPad.tsx';
import { FeatureToggles } from './panel/FeatureToggles.tsx';
import { FitSquare } from './panel/FitSquare.tsx';
import { LossReadout } from './panel/LossReadout.tsx';
import { MetricsPanel } from './panel/MetricsPanel.tsx';
import { Problems } from './panel/Problems.tsx';
import { Section } from './panel/Section.tsx';
import { Settings } from './panel/Settings.tsx';
import { useFitDock } from './panel/useFitDock.ts';
import { trainStore, useTrain } from './trainStore.ts';
import { sayWorker } from './workerText.ts';
import './train.css';

export default function TrainPanel() {
  const { t } = useTranslation();
  const task = useTrain((s) => s.info?.task);
  const noPlane = useTrain((s) => s.info?.noPlane);
  const hasPlane = useTrain((s) => !!s.info?.plane);
  const hasFit = useTrain((s) => !!s.info?.fit);
  const showTest = useTrain((s) => s.showTest);
  const discretize = useTrain((s) => s.discretize);
  const testRows = useTrain((s) => s.info?.testRows ?? 0);
  const name = useEditor((s) => s.model.name);
  const ready = useTrain((s) => s.status === 'ready' || (s.status === 'configuring' && !!s.info));
  const hasBinding = useTrain((s) => !!s.binding);
  const heatError = useTrain((s) => s.snapshot?.heatError);
  const outputTitle = task === 'regression' ? t('train.panel.outputPlane') : t('train.panel.decisionBoundary');
  const aside = useRef<HTMLElement>(null);
  const dock = useRef<HTMLDivElement>(null);
  useEffect(() => guardUnloadWhileTraining(), []);
  useFitDock(aside, dock);
  return (
    <aside ref={aside} className="inspector mode-panel train-panel" aria-label={t('train.panel.label')}>
      {/* The docked top: what a class watches while training, sized to fit the panel without scrolling. */}
      <div ref={dock} className="train-dock">
        <h2 className="train-panel__title">
          {t('train.panel.title')}
          {name ? <span className="muted"> · {name}</span> : null}
        </h2>
        <Controls />
        <PaceRow />
        <Problems />
        {ready && (
          <Section id="loss" title={t('train.panel.loss')} className="train-section--loss">
            <LossReadout />
          </Section>
        )}
        {ready && hasPlane && (
          <Section id="output" title={outputTitle} className="train-section--output">
            {/* The output picture's slot: the decision boundary, or the fit plot for a 1-input regression. */}
            <FitSquare>{(side) => <Boundary side={side} />}</FitSquare>
            <BoundaryLegend />
            {heatError && (
              <div className="train-alert train-alert--error" role="alert" data-testid="boundary-error">
                {sayWorker(heatError)}
              </div>
            )}
            <div className="train-toggles">
              <label className="train-check">
                <input type="checkbox" checked={showTest} disabled={testRows === 0} onChange={(e) => trainStore.setState({ showTest: e.target.checked })} />{' '}
                {t('train.panel.showTest')}
              </label>
              <label className="train-check">
                <input type="checkbox" checked={discretize} onChange={(e) => trainStore.setState({ discretize: e.target.checked })} />{' '}
                {t('train.panel.discretize')}
              </label>
            </div>
            <SampleShown />
          </Section>
        )}
        {ready && hasFit && (
          <Section id="fit" title={t('train.panel.fit')} className="train-section--output">
            <FitSquare>{(_, slot) => <FitPlot width={slot.width} height={slot.height} />}</FitSquare>
          </Section>
        )}
        {/* A digits model's pad and confidences in view while training, above the long binding list. */}
        {ready && <DigitPadSection />}
      </div>
      {ready && !hasPlane && noPlane && <p className="muted train-noplane">{sayWorker(noPlane)}</p>}
      <Section id="data" title={t('train.panel.data')}>
        <DatasetSection />
        <FeatureToggles />
      </Section>
      {hasBinding && (
        <Section id="binding" title={t('train.panel.binding')}>
          <BindingSection />
        </Section>
      )}
      {ready && (
        <>
          <Section id="metrics" title={t('train.panel.metrics')}>
            <MetricsPanel />
          </Section>
          <Section id="settings" title={t('train.panel.optimisation')}>
            <Settings />
          </Section>
        </>
      )}
    </aside>
  );
}
