/**
 * The outline around an expanded layer macro, with its name and a Collapse button. Derived from
 * the model's record of expanded macros; not a model node, not selectable, not draggable.
 */
import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { nodeLabel, type Model } from '../../graph-engine/index.ts';
import { editorStore } from '../store/useEditor.ts';
import { expandedMacros } from '../../graph-engine/index.ts';
import type { Size } from './flowElements.ts';
import './macroGroup.css';

export interface MacroGroupData extends Record<string, unknown> {
  macroId: string;
  /** The layer's op and label, for the frame's title. */
  op: string;
  label: string;
  /** Longer than LONG_FRAME_PX: drawn with a solid border (macroGroup.css). */
  long: boolean;
}
export type MacroGroupNode = Node<MacroGroupData, 'macroGroup'>;

const PAD = 24;
/**
 * A dashed border is painted dash by dash along the whole frame, however little of it is on
 * screen: around expanded digits-mlp (a frame 116,000 px tall) panning at 84% zoom ran at 3 fps
 * with it and at 37 with a solid one (`npm run bench:ui`, the scale cases). Frames this long are
 * never seen whole at a zoom where dashes show anyway.
 */
const LONG_FRAME_PX = 4000;
const FALLBACK: Size = { width: 170, height: 100 };

function MacroGroupFrame({ data }: NodeProps<MacroGroupNode>) {
  const { t } = useTranslation();
  return (
    <div className={`macro-group${data.long ? ' macro-group--long' : ''}`}>
      <div className="macro-group__header">
        <span>{t('canvas.macroGroup.title', { op: data.op, label: data.label })}</span>
        <button
          type="button"
          className="nodrag nopan"
          onClick={() => editorStore.getState().collapseMacro(data.macroId)}
          aria-label={t('canvas.macroGroup.collapseLabel', { macro: data.macroId })}
        >
          {t('canvas.macroGroup.collapse')}
        </button>
      </div>
    </div>
  );
}

export const MacroGroup = memo(MacroGroupFrame);

/** One frame per expanded macro, around its member nodes' current boxes. */
export function macroGroupNodes(model: Model, sizeOf: (id: string) => Size | undefined): MacroGroupNode[] {
  const records = Object.entries(expandedMacros(model));
  if (records.length === 0) return [];
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  return records.flatMap(([id, rec]) => {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const m of rec.members) {
      const p = byId.get(m)?.position;
      if (!p) continue;
      const s = sizeOf(m) ?? FALLBACK;
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x + s.width);
      y1 = Math.max(y1, p.y + s.height);
    }
    if (!Number.isFinite(x0)) return [];
    const width = x1 - x0 + 2 * PAD;
    const height = y1 - y0 + 2 * PAD;
    return [
      {
        id: `macro-group:${id}`,
        type: 'macroGroup' as const,
        position: { x: x0 - PAD, y: y0 - PAD },
        data: { macroId: id, op: rec.node.op, label: nodeLabel(rec.node), long: Math.max(width, height) > LONG_FRAME_PX },
        width,
        height,
        measured: { width, height },
        selectable: false,
        draggable: false,
        focusable: false,
        zIndex: -1,
      },
    ];
  });
}
