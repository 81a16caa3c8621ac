/**
 * A node card: op symbol, label, value, gradient, badge, and a handle per port. Memoised: React
 * Flow passes the same `data` object until the node's content or results change.
 */
import { memo, useEffect, useRef, type CSSProperties } from 'react';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { nodeLabel, portName } from '../../graph-engine/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { opDescription } from '../i18n/opText.ts';
import { numberText } from '../ui/numberText.ts';
import { inputHandleId, sourceHandleId, useShownData, type OpFlowNode } from './flowElements.ts';
import { cardHeight, HEADER_PX, minCardHeight, overviewSymbolPx, overviewText, PORT_ROW_PX, rowCentre } from './cardMetrics.ts';
import { useBareCard } from './viewDetail.ts';
import { TrainNodeExtras } from '../modes/train/canvasExtras.tsx';
import { NetworkPanel, NetworkToggle } from './network/NetworkView.tsx';

const CATEGORY_CLASS: Record<string, string> = {
  'Inputs and parameters': 'cat-leaf',
  Arithmetic: 'cat-arith',
  Activations: 'cat-act',
  Losses: 'cat-loss',
  Layers: 'cat-layer',
  Expression: 'cat-expr',
};

/*
 * Text is clipped (with an ellipsis) only where it could overflow the card. A clip is a paint
 * property of its own, and one per card on 1,000 cards slowed panning by about 10% (npm run
 * bench:ui), so short labels, which are most labels, go without. The limits are in characters,
 * chosen so that the widest glyphs still fit (a 6-character label of W's fits the header; the
 * gradient row is monospace, 17 characters wide beside input ports).
 */
const MAX_UNCLIPPED_LABEL = 6;
const MAX_UNCLIPPED_LABEL_WITH_TAG = 3;
const MAX_UNCLIPPED_GRAD_ROW = 16;

/** What a card shows, derived once from its data for the card and its content. */
export function cardView({ node, op, result, isLoss, lossLabel }: OpFlowNode['data']) {
  const ports = result?.ports ?? 0;
  const portNames = result?.portNames ?? (op ? Array.from({ length: ports }, (_, i) => portName(op, i, ports)) : []);
  const badge = result?.badge;
  // Layer macros list each output on its own row, next to its handle.
  const outputs = result?.outputs && (result.outputs.length > 1 || op?.macro) ? result.outputs : undefined;
  return {
    node,
    op,
    result,
    isLoss,
    lossLabel,
    label: nodeLabel(node),
    ports,
    badge,
    outputs,
    rows: Math.max(ports, outputs?.length ?? 1),
    portNames,
    handleIds: portNames.map((_, i) => inputHandleId(i, portNames.length, result?.freePair)),
    showValue: !badge || badge.kind === 'nonfinite',
    symbol: op?.symbol ?? '?',
  };
}
type CardView = ReturnType<typeof cardView>;

/**
 * React Flow measures a card's handles when it mounts. A paired loss that grows a pair keeps its
 * number of rows but renames the handles on them (flowElements.ts: inputHandleId), so edges would
 * attach to the old rows: have React Flow measure again whenever the handle ids change.
 */
function useRemeasureOnNewHandles(id: string, handleIds: string) {
  const update = useUpdateNodeInternals();
  const first = useRef(handleIds);
  useEffect(() => {
    // Not when a bare overview card (no handles) becomes a full one: it mounts its handles then.
    if (first.current && handleIds && handleIds !== first.current) update(id);
    if (handleIds) first.current = handleIds;
  }, [id, handleIds, update]);
}

function OpNodeCard({ id, data, selected, height }: NodeProps<OpFlowNode>) {
  const bare = useBareCard(id);
  // New numbers that do not change the card's look come straight from the canvas (LiveResults).
  const card = cardView(useShownData(id, data));
  const { label, outputs, badge, isLoss, rows } = card;
  const symbol = overviewText(card.symbol, label);
  useRemeasureOnNewHandles(id, bare ? '' : card.handleIds.join(' '));
  // A bare card (viewDetail.ts) stands in at the full card's height, so that its block in the
  // overview matches the others and growing into a full card moves nothing.
  const style: CSSProperties & { '--symbol-px': string } = bare
    ? {
        height: height ?? cardHeight({ rows, outputs: outputs?.length ?? 0, value: card.showValue, grad: card.result?.grad !== undefined, badge: !!badge }),
        '--symbol-px': `${overviewSymbolPx(symbol)}px`,
      }
    : { minHeight: minCardHeight(rows), '--symbol-px': `${overviewSymbolPx(symbol)}px` };
  const category = data.op ? CATEGORY_CLASS[data.op.category] : 'cat-unknown';
  return (
    <div
      className={`op-node ${category}${outputs ? ' op-node--multi' : ''}${bare ? ' op-node--bare' : ''}${selected ? ' is-selected' : ''}${isLoss ? ' is-loss' : ''}${badge ? ` has-${badge.kind}` : ''}`}
      role="group"
      aria-label={`${label} (${data.node.op})`}
      data-symbol={symbol}
      style={style}
    >
      {!bare && <CardContent card={card} />}
      {!bare && <CardHandles card={card} />}
    </div>
  );
}

/**
 * A handle per input port and per output, on the card's rows (cardMetrics.ts). Pointer targets
 * only: screen-reader and keyboard users wire with C (src/a11y), so the handles are hidden from
 * them (a bare div may not carry an aria-label; the labels stay, as tests find handles by them).
 */
function CardHandles({ card: { label, portNames, handleIds, outputs } }: { card: CardView }) {
  const { t } = useTranslation();
  return (
    <>
      {portNames.map((name, i) => (
        <Handle
          key={i}
          type="target"
          position={Position.Left}
          id={handleIds[i]}
          style={{ top: rowCentre(i) }}
          aria-label={t('canvas.card.input', { label, port: name })}
          aria-hidden
        />
      ))}
      {(outputs ?? [undefined]).map((o, p) => (
        <Handle
          key={`out-${p}`}
          type="source"
          position={Position.Right}
          id={sourceHandleId(p)}
          style={{ top: rowCentre(p) }}
          aria-label={o ? t('canvas.card.outputNamed', { label, output: o.name }) : t('canvas.card.output', { label })}
          aria-hidden
        />
      ))}
    </>
  );
}

/** The card's header (symbol, label) and body (port names, value, gradient, badge). */
export function CardContent({ card }: { card: CardView }) {
  const { t } = useTranslation();
  const { node, op, result, isLoss, lossLabel, label, ports, badge, outputs, portNames, showValue, symbol } = card;
  const value = result?.value ?? Number.NaN;
  const gradName = `∂${lossLabel}/∂${label}`;
  const gradText = result?.grad === undefined ? '' : formatNumber(result.grad);
  return (
    <>
      <div className="op-node__header">
        <span className="op-node__symbol" title={op ? opDescription(op) : t('canvas.card.unknownOp', { op: node.op })}>
          {symbol}
        </span>
        <span
          className={`op-node__label${label.length > (isLoss ? MAX_UNCLIPPED_LABEL_WITH_TAG : MAX_UNCLIPPED_LABEL) ? ' is-clipped' : ''}`}
          data-testid="node-label"
          title={label}
        >
          {label}
        </span>
        {isLoss && (
          <span className="op-node__loss-tag" title={t('canvas.card.lossTitle')}>
            {t('canvas.card.loss')}
          </span>
        )}
        <NetworkToggle id={node.id} op={node.op} />
      </div>
      <div className="op-node__body" style={{ paddingLeft: ports ? 30 : 10 }}>
        {portNames.map((name, i) => (
          <span key={i} className="op-node__port-name" style={{ top: HEADER_PX + i * PORT_ROW_PX + 4 }}>
            {name}
          </span>
        ))}
        {outputs ? (
          outputs.map((o, p) => (
            <div
              key={p}
              className="op-node__output"
              style={{ height: PORT_ROW_PX }}
              title={`${label}.${o.name} = ${numberText(o.value)}${o.grad !== undefined ? `\n∂${lossLabel}/∂${o.name} = ${numberText(o.grad)}` : ''}`}
            >
              <span className="op-node__output-name">{o.name}</span>
              <span className="op-node__output-value" data-testid="node-output-value">
                {result?.pending ? '?' : formatNumber(o.value)}
              </span>
              {o.grad !== undefined && <span className="op-node__output-grad">∂ {formatNumber(o.grad)}</span>}
            </div>
          ))
        ) : (
          <>
            {showValue && (
              <div
                className="op-node__value"
                data-testid="node-value"
                title={result?.pending ? t('canvas.card.pendingTitle', { label }) : `${label} = ${numberText(value)}`}
              >
                {result?.pending ? <span className="op-node__pending">{t('canvas.card.pending')}</span> : formatNumber(value)}
              </div>
            )}
            {result?.grad !== undefined && (
              <div className="op-node__grad" data-testid="node-grad" title={`${gradName} = ${numberText(result.grad)}`}>
                <span className={`op-node__grad-name${gradName.length + gradText.length > MAX_UNCLIPPED_GRAD_ROW ? ' is-clipped' : ''}`}>{gradName}</span>
                <span className="op-node__grad-value">{gradText}</span>
              </div>
            )}
          </>
        )}
        {badge && (
          <div className={`op-node__badge op-node__badge--${badge.kind}`} data-testid="node-badge" title={badge.reason}>
            {t(`canvas.card.badges.${badge.kind}`)}
          </div>
        )}
        <NetworkPanel id={node.id} op={node.op} label={label} lossLabel={lossLabel} />
        <TrainNodeExtras id={node.id} macro={!!op?.macro} />
      </div>
    </>
  );
}

export const OpNode = memo(OpNodeCard);
