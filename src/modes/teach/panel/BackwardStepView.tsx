/**
 * A backward step of one node: one card per outgoing edge (local derivative, upstream gradient,
 * contribution; one card per collapsed layer it feeds), the multi-path sum when there are several,
 * and the chain rule that adds them up.
 */
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { nodeLabel, type BackwardStep, type Stepper } from '../../../../graph-engine/index.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Formula } from '../../../inspector/Formula.tsx';
import { useEditor } from '../../../store/useEditor.ts';
import { graphLossLabel, graphNodeNameOf } from '../../../ui/nodeNames.ts';
import { localizeTexWords } from '../texWords.ts';
import { collapsedBackwardTex, groupByConsumer } from '../units.ts';
import { DerivativeNotes } from './DerivativeNotes.tsx';
import { alignedTex, textSum } from './formulaText.ts';

const fmt = formatNumber;

export function BackwardStepView({ step, stepper }: { step: BackwardStep; stepper: Stepper }) {
  const { t } = useTranslation();
  const nodes = useEditor((s) => s.model.nodes);
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, nodeLabel(n)])), [nodes]);
  const g = stepper.graph;
  const label = graphNodeNameOf(g, step.id);
  const lossLabel = graphLossLabel(g);
  const live = step.edges.filter((r) => r.reachesLoss);
  const macroLabel = (id: string) => labels.get(id) ?? id;
  const tex = localizeTexWords(collapsedBackwardTex(g, step, macroLabel));
  return (
    <>
      <h3>
        <Trans i18nKey="teach.backward.heading" values={{ loss: lossLabel, label }} components={{ name: <span className="teach-name" /> }} />
      </h3>
      {step.isLoss ? (
        <p className="small">{t('teach.backward.isLoss', { label, loss: lossLabel })}</p>
      ) : !step.reachesLoss ? (
        <p className="small muted">{t('teach.backward.noPath', { label })}</p>
      ) : (
        <ol className="teach-edges" aria-label={t('teach.backward.edges')}>
          {groupByConsumer(g, step).map(({ macro, records }) => {
            if (macro) {
              // Into a collapsed layer: its primitives are not on show, so one card per layer.
              const layer = macroLabel(macro);
              const total = records.reduce((sum, r) => sum + r.contribution, 0);
              return (
                <li key={`m:${macro}`} className="teach-edge-card" data-testid="edge-record">
                  <div className="teach-edge-card__title">{t('teach.backward.intoLayer', { label, layer })}</div>
                  <dl className="teach-facts">
                    <dt>{t('teach.backward.innerEdges')}</dt>
                    <dd>{records.length}</dd>
                    <dt>{t('teach.backward.via', { layer })}</dt>
                    <dd>
                      {records.length > 1 && <>{textSum(records.map((r) => r.contribution))} = </>}
                      <strong>{fmt(total)}</strong>
                    </dd>
                  </dl>
                </li>
              );
            }
            const r = records[0];
            const target = graphNodeNameOf(g, r.target);
            const local = localizeTexWords(r.localLatex);
            return (
              <li key={r.edge} className="teach-edge-card" data-testid="edge-record">
                <div className="teach-edge-card__title">
                  {label} → {target}
                </div>
                <Formula tex={alignedTex(local)} label={t('teach.backward.local', { formula: local })} />
                <dl className="teach-facts">
                  <dt>{t('teach.backward.upstream', { loss: lossLabel, target })}</dt>
                  <dd>{fmt(r.upstream)}</dd>
                  <dt>{t('teach.backward.contribution')}</dt>
                  <dd>
                    {fmt(r.upstream)} × {fmt(r.local)} = <strong>{fmt(r.contribution)}</strong>
                  </dd>
                </dl>
              </li>
            );
          })}
        </ol>
      )}
      {step.multiPath && (
        <p className="teach-callout" role="note" data-testid="multi-path">
          <Trans
            i18nKey="teach.backward.multiPath"
            values={{ label, loss: lossLabel, edges: live.length, sum: textSum(live.map((r) => r.contribution)), grad: fmt(step.grad) }}
            components={{ b: <strong /> }}
          />
        </p>
      )}
      <div className="teach-sum">
        <Formula tex={alignedTex(tex)} label={t('teach.backward.gradient', { formula: tex })} />
      </div>
      {!step.isLoss && step.reachesLoss && <DerivativeNotes step={step} stepper={stepper} />}
    </>
  );
}
