/**
 * Settings of a layer macro (units, layer sizes, activation), its parameter shapes, and Expand.
 * Changing a shape drops the stored weights so the engine re-initialises them from the seed.
 */
import { useEffect, useId, useState } from 'react';
import { ACTIVATIONS, type Graph, type ModelNode } from '../../graph-engine/index.ts';
import { editorStore } from '../store/useEditor.ts';

interface Setting {
  attr: string;
  label: string;
  kind: 'count' | 'sizes' | 'activation';
  /** The engine's default when the attr is absent (macros/layers.ts). */
  fallback: string;
  /** Changing it changes the weight shapes. */
  reshapes?: boolean;
}

/** Which attrs each macro exposes. The engine's registry has no attr specs for macros yet. */
const SETTINGS: Record<string, Setting[]> = {
  neuron: [{ attr: 'activation', label: 'Activation', kind: 'activation', fallback: 'sigmoid' }],
  dense: [
    { attr: 'units', label: 'Units', kind: 'count', fallback: '1', reshapes: true },
    { attr: 'activation', label: 'Activation', kind: 'activation', fallback: 'none' },
  ],
  mlp: [
    // No fallback: an MLP without sizes is an error the engine reports, not a one-unit layer.
    { attr: 'sizes', label: 'Layer sizes', kind: 'sizes', fallback: '', reshapes: true },
    { attr: 'activation', label: 'Hidden activation', kind: 'activation', fallback: 'tanh' },
    { attr: 'outputActivation', label: 'Output activation', kind: 'activation', fallback: 'none' },
  ],
  softmax: [],
};

const WEIGHT_ATTRS = ['W', 'b', 'w'];

function apply(node: ModelNode, s: Setting, value: unknown) {
  const attrs: Record<string, unknown> = { [s.attr]: value };
  if (s.reshapes) for (const w of WEIGHT_ATTRS) attrs[w] = undefined;
  editorStore.getState().updateNode(node.id, { attrs });
}

/** Text typed into a shape field, as the attr value it means, or undefined when it means none. */
function parseShape(kind: Setting['kind'], t: string): number | number[] | undefined {
  const words = t.split(/[\s,]+/).filter(Boolean);
  // Digits only: Number() alone would also read "0x10" as 16 and "1e1" as 10.
  const parts = words.map((w) => (/^\d+$/.test(w) ? Number(w) : Number.NaN));
  const ok = parts.length > 0 && parts.every((n) => Number.isInteger(n) && n >= 1 && n <= 64);
  if (!ok) return undefined;
  return kind === 'count' ? (parts.length === 1 ? parts[0] : undefined) : parts;
}

function ShapeField({ node, s }: { node: ModelNode; s: Setting }) {
  const current = node.attrs?.[s.attr];
  const shown = Array.isArray(current) ? current.join(', ') : current === undefined ? s.fallback : String(current);
  const [text, setText] = useState(shown);
  useEffect(() => {
    // Follow the model (undo, another edit) unless the text already means this value.
    setText((t) => (JSON.stringify(parseShape(s.kind, t)) === JSON.stringify(current) ? t : shown));
  }, [shown, current, s.kind]);
  const valid = parseShape(s.kind, text) !== undefined;
  const errorId = useId();
  const expected = s.kind === 'sizes' ? 'Layer widths from 1 to 64, e.g. 8, 8, 1' : 'A whole number from 1 to 64';
  return (
    <div className="field">
      <label htmlFor={`macro-${s.attr}`}>{s.label}</label>
      <input
        id={`macro-${s.attr}`}
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : errorId}
        className={valid ? '' : 'is-invalid'}
        title={expected}
        onChange={(e) => {
          setText(e.target.value);
          const v = parseShape(s.kind, e.target.value);
          if (v !== undefined) apply(node, s, v);
        }}
        onBlur={() => setText(shown)}
      />
      {!valid && (
        <div className="field__error" id={errorId} role="status">
          {expected}
          {shown ? `; the layer stays ${shown}.` : '.'}
        </div>
      )}
    </div>
  );
}

export function MacroSettings({ node, graph }: { node: ModelNode; graph?: Graph }) {
  const settings = SETTINGS[node.op] ?? [];
  const instance = graph?.macros.get(node.id);
  return (
    <>
      {settings.map((s) =>
        s.kind === 'activation' ? (
          <div className="field" key={s.attr}>
            <label htmlFor={`macro-${s.attr}`}>{s.label}</label>
            <select id={`macro-${s.attr}`} value={String(node.attrs?.[s.attr] ?? s.fallback)} onChange={(e) => apply(node, s, e.target.value)}>
              {ACTIVATIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <ShapeField key={s.attr} node={node} s={s} />
        ),
      )}
      {instance && (
        <>
          <h3>Parameters</h3>
          <dl className="facts">
            {instance.layers.map((l, i) => (
              <div key={i} className="facts__row">
                <dt>{instance.layers.length > 1 ? `Layer ${i + 1}` : 'Layer'}</dt>
                <dd>
                  W {l.W.length}×{l.W[0]?.length ?? 0}, b {l.b.length}, {l.activation}
                </dd>
              </div>
            ))}
            <dt>Inputs</dt>
            <dd>{instance.inputs}</dd>
            <dt>Outputs</dt>
            <dd>{instance.outputs.length}</dd>
            <dt>Primitives</dt>
            <dd>{instance.nodes.length}</dd>
          </dl>
        </>
      )}
      <button type="button" className="button-primary" onClick={() => editorStore.getState().expandMacro(node.id)}>
        Expand
      </button>
    </>
  );
}
