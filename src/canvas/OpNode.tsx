/**
 * A node card: op symbol, label, value, gradient, badge, and a handle per port. Memoised: React
 * Flow passes the same `data` object until the node's content or results change.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatNumber, portName } from '../../graph-engine/index.ts';
import { sourceHandleId, targetHandleId, type OpFlowNode } from './flowElements.ts';

/** Vertical rhythm of the card, shared by the CSS grid and the handle positions. */
export const HEADER_PX = 30;
export const PORT_ROW_PX = 19;

const CATEGORY_CLASS: Record<string, string> = {
  'Inputs and parameters': 'cat-leaf',
  Arithmetic: 'cat-arith',
  Activations: 'cat-act',
  Losses: 'cat-loss',
  Layers: 'cat-layer',
  Expression: 'cat-expr',
};

function OpNodeCard({ data, selected }: NodeProps<OpFlowNode>) {
  const { node, op, result, isLoss, lossLabel } = data;
  const label = node.label ?? node.id;
  const ports = result?.ports ?? 0;
  const value = result?.value ?? Number.NaN;
  const badge = result?.badge;
  const category = op ? CATEGORY_CLASS[op.category] : 'cat-unknown';
  const portNames = op ? Array.from({ length: ports }, (_, i) => portName(op, i, ports)) : [];
  const showValue = !badge || badge.kind === 'nonfinite';
  return (
    <div
      className={`op-node ${category}${selected ? ' is-selected' : ''}${isLoss ? ' is-loss' : ''}${badge ? ` has-${badge.kind}` : ''}`}
      role="group"
      aria-label={`${label} (${node.op})`}
      style={{ minHeight: HEADER_PX + Math.max(ports, 1) * PORT_ROW_PX + 14 }}
    >
      <div className="op-node__header">
        <span className="op-node__symbol" title={op?.description ?? `Unknown op ${node.op}`}>
          {op?.symbol ?? '?'}
        </span>
        <span className="op-node__label" data-testid="node-label" title={label}>
          {label}
        </span>
        {isLoss && <span className="op-node__loss-tag" title="Reverse mode starts from this node">loss</span>}
      </div>
      <div className="op-node__body" style={{ paddingLeft: ports ? 30 : 10 }}>
        {portNames.map((name, i) => (
          <span key={i} className="op-node__port-name" style={{ top: HEADER_PX + i * PORT_ROW_PX + 4 }}>
            {name}
          </span>
        ))}
        {showValue && (
          <div className="op-node__value" data-testid="node-value" title={`${label} = ${value}`}>
            {formatNumber(value)}
          </div>
        )}
        {result?.grad !== undefined && (
          <div className="op-node__grad" data-testid="node-grad" title={`∂${lossLabel}/∂${label} = ${result.grad}`}>
            <span className="op-node__grad-name">
              ∂{lossLabel}/∂{label}
            </span>{' '}
            {formatNumber(result.grad)}
          </div>
        )}
        {badge && (
          <div className={`op-node__badge op-node__badge--${badge.kind}`} data-testid="node-badge" title={badge.reason}>
            {badge.kind === 'incomplete' ? 'needs input' : 'not finite'}
          </div>
        )}
      </div>
      {portNames.map((name, i) => (
        <Handle
          key={i}
          type="target"
          position={Position.Left}
          id={targetHandleId(i)}
          style={{ top: HEADER_PX + i * PORT_ROW_PX + PORT_ROW_PX / 2 + 4 }}
          aria-label={`${label} input ${name}`}
        />
      ))}
      <Handle
        type="source"
        position={Position.Right}
        id={sourceHandleId(0)}
        style={{ top: HEADER_PX + PORT_ROW_PX / 2 + 4 }}
        aria-label={`${label} output`}
      />
    </div>
  );
}

export const OpNode = memo(OpNodeCard);
export const nodeTypes = { op: OpNode };
