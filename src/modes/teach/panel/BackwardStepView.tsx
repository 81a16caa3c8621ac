/**
 * A backward step of one node: one card per outgoing edge (local derivative, upstream gradient,
 * contribution; one card per collapsed layer it feeds), the multi-path sum when there are several,
 * and the chain rule that adds them up.
 */
import { useMemo } from 'react';
import { nodeLabel, type BackwardStep, type Stepper } from '../../../../graph-engine/index.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Formula } from '../../../inspector/Formula.tsx';
import { useEditor } from '../../../store/useEditor.ts';
import { graphLossLabel, graphNodeNameOf } from '../../../ui/nodeNames.ts';
import { collapsedBackwardTex, groupByConsumer } from '../units.ts';
import { DerivativeNotes } from './DerivativeNotes.tsx';
import { alignedTex, textSum } from './formulaText.ts';

const fmt = formatNumber;

export function BackwardStepView({ step, stepper }: { step: BackwardStep; stepper: Stepper }) {
  const nodes = useEditor((s) => s.model.nodes);
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, nodeLabel(n)])), [nodes]);
  const g = stepper.graph;
  const label = graphNodeNameOf(g, step.id);
  const lossLabel = graphLossLabel(g);
  const live = step.edges.filter((r) => r.reachesLoss);
  const macroLabel = (id: string) => labels.get(id) ?? id;
  const tex = collapsedBackwardTex(g, step, macroLabel);
  return (
    <>
      <h3>
        Backward:{' '}
        <span className="teach-name">
          ∂{lossLabel}/∂{label}
        </span>
      </h3>
      {step.isLoss ? (
        <p className="small">
          {label} is the loss: reverse mode starts here with ∂{lossLabel}/∂{label} = 1.
        </p>
      ) : !step.reachesLoss ? (
        <p className="small muted">{label} has no path to the loss, so its gradient is 0.</p>
      ) : (
        <ol className="teach-edges" aria-label="Outgoing edges">
          {groupByConsumer(g, step).map(({ macro, records }) => {
            if (macro) {
              // Into a collapsed layer: its primitives are not on show, so one card per layer.
              const t = macroLabel(macro);
              const total = records.reduce((sum, r) => sum + r.contribution, 0);
              return (
                <li key={`m:${macro}`} className="teach-edge-card" data-testid="edge-record">
                  <div className="teach-edge-card__title">
                    {label} → layer {t}
                  </div>
                  <dl className="teach-facts">
                    <dt>inner edges</dt>
                    <dd>{records.length}</dd>
                    <dt>via {t}</dt>
                    <dd>
                      {records.length > 1 && <>{textSum(records.map((r) => r.contribution))} = </>}
                      <strong>{fmt(total)}</strong>
                    </dd>
                  </dl>
                </li>
              );
            }
            const r = records[0];
            const t = graphNodeNameOf(g, r.target);
            return (
              <li key={r.edge} className="teach-edge-card" data-testid="edge-record">
                <div className="teach-edge-card__title">
                  {label} → {t}
                </div>
                <Formula tex={alignedTex(r.localLatex)} label={`Local derivative: ${r.localLatex}`} />
                <dl className="teach-facts">
                  <dt>
                    upstream ∂{lossLabel}/∂{t}
                  </dt>
                  <dd>{fmt(r.upstream)}</dd>
                  <dt>contribution</dt>
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
          <strong>Multi-path sum.</strong> {label} reaches {lossLabel} along {live.length} edges, so its gradient is the sum of their contributions:{' '}
          {textSum(live.map((r) => r.contribution))} = {fmt(step.grad)}.
        </p>
      )}
      <div className="teach-sum">
        <Formula tex={alignedTex(tex)} label={`Gradient: ${tex}`} />
      </div>
      {!step.isLoss && step.reachesLoss && <DerivativeNotes step={step} stepper={stepper} />}
    </>
  );
}
