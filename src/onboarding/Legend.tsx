/**
 * Help's legend: the notation on cards and edges, each item drawn by the canvas's own card content
 * (OpNode.tsx: CardContent) and CSS classes, with the chain-rule sample's numbers (J = 3(a + bc),
 * a = 5, b = 3, c = 2), so what it shows is what the canvas shows.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { getOp, portName, type ModelNode } from '../../graph-engine/index.ts';
import { CardContent, cardView } from '../canvas/OpNode.tsx';
import { minCardHeight } from '../canvas/cardMetrics.ts';
import type { NodeResult } from '../store/evaluate.ts';
import '../modes/teach/teach.css';

interface Sample {
  id: string;
  op: string;
  cls: string;
  result: Omit<NodeResult, 'ports'>;
  isLoss?: boolean;
}

/** A card as the canvas draws it, without handles (nothing to connect here). */
function LegendCard({ id, op: opName, cls, result, isLoss = false }: Sample) {
  const op = getOp(opName);
  const ports = op?.arity.kind === 'fixed' ? op.arity.ports.length : 2;
  const full: NodeResult = { ports, portNames: op ? Array.from({ length: ports }, (_, i) => portName(op, i, ports)) : [], ...result };
  const card = cardView({ node: { id, op: opName, label: id } as ModelNode, op, result: full, isLoss, lossLabel: 'J' });
  const style: CSSProperties = { minHeight: minCardHeight(card.rows) };
  return (
    <div className={`op-node legend__card ${cls}${isLoss ? ' is-loss' : ''}${result.badge ? ` has-${result.badge.kind}` : ''}`} style={style}>
      <CardContent card={card} />
    </div>
  );
}

/** Category names as the palette titles them, with the card class that colours them; op names stay as they are. */
const CATEGORY_LEGEND = [
  { key: 'leaf', examples: 'input, const, param' },
  { key: 'arith', examples: 'add, mul, pow, sum' },
  { key: 'act', examples: 'sigmoid, tanh, relu' },
  { key: 'loss', examples: 'mse, bce, cross_entropy' },
  { key: 'layer', examples: 'neuron, dense, mlp, softmax' },
  { key: 'expr' },
] as const;

export function Legend() {
  const { t } = useTranslation();
  return (
    <div className="legend">
      <div className="legend__row">
        <LegendCard id="u" op="mul" cls="cat-arith" result={{ value: 6, grad: 3 }} />
        <ul className="legend__notes">
          <li>{t('onboarding.legend.card')}</li>
          <li>{t('onboarding.legend.value')}</li>
          <li>
            <span className="legend__grad">{t('onboarding.legend.grad')}</span>
          </li>
        </ul>
      </div>
      <div className="legend__row">
        <LegendCard id="J" op="mul" cls="cat-arith" result={{ value: 33, grad: 1 }} isLoss />
        <ul className="legend__notes">
          <li>{t('onboarding.legend.loss')}</li>
        </ul>
      </div>
      <p className="legend__lead">{t('onboarding.legend.badges')}</p>
      <div className="legend__cards">
        <LegendCard
          id="v"
          op="add"
          cls="cat-arith"
          result={{ value: Number.NaN, badge: { kind: 'incomplete', reason: t('onboarding.legend.notConnected') } }}
        />
        <LegendCard id="r" op="log" cls="cat-arith" result={{ value: Number.NEGATIVE_INFINITY, badge: { kind: 'nonfinite', reason: 'log(0) = −∞' } }} />
        <LegendCard id="s" op="sqrt" cls="cat-arith" result={{ value: Number.NaN, badge: { kind: 'invalid', reason: t('onboarding.legend.opFailed') } }} />
      </div>
      <div className="legend__row">
        <EdgeChips />
        <ul className="legend__notes">
          <li>{t('onboarding.legend.localChip')}</li>
          <li>{t('onboarding.legend.contribChip')}</li>
          <li>{t('onboarding.legend.fullChip')}</li>
        </ul>
      </div>
      <p className="legend__lead">{t('onboarding.legend.categories')}</p>
      <ul className="legend__categories">
        {CATEGORY_LEGEND.map((c) => (
          <li key={c.key}>
            <span className={`legend__swatch cat-${c.key}`} aria-hidden="true" />
            <strong>{t(`onboarding.legend.category.${c.key}`)}</strong>{' '}
            <span className="muted">{'examples' in c ? c.examples : t('onboarding.legend.exprExample')}</span>
          </li>
        ))}
      </ul>
      <p className="legend__lead">
        <span className="legend__arrow legend__arrow--fwd" aria-hidden="true" /> {t('onboarding.legend.forward')}{' '}
        <span className="legend__arrow legend__arrow--bwd" aria-hidden="true" /> {t('onboarding.legend.backward')}
      </p>
    </div>
  );
}

/** The edge b → u with its chips as Teach draws them: compact (×2 over 6), and spelled out when current. */
function EdgeChips() {
  return (
    <div className="legend__edges">
      <div className="legend__edge">
        <span className="legend__wire" aria-hidden="true" />
        <div className="teach-edge-label is-compact">
          <span className="teach-edge-label__local">×2</span>
          <span className="teach-edge-label__contrib">6</span>
        </div>
      </div>
      <div className="legend__edge">
        <span className="legend__wire" aria-hidden="true" />
        <div className="teach-edge-label">
          <span className="teach-edge-label__name">∂u/∂b</span>
          <span className="teach-edge-label__local">= 2</span>
          <span className="teach-edge-label__contrib">→ 6</span>
        </div>
      </div>
    </div>
  );
}
