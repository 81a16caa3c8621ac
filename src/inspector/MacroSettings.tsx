/**
 * Settings of a layer macro (units, layer sizes, activation), its parameter shapes, and Expand.
 * Changing a shape drops the stored weights so the engine re-initialises them from the seed.
 */
import { useState } from 'react';
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
    { attr: 'sizes', label: 'Layer sizes', kind: 'sizes', fallback: '1', reshapes: true },
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

function ShapeField({ node, s }: { node: ModelNode; s: Setting }) {
  const current = node.attrs?.[s.attr];
  const shown = Array.isArray(current) ? current.join(', ') : current === undefined ? s.fallback : String(current);
  const [text, setText] = useState(shown);
  const parse = (t: string): unknown => {
    const parts = t.split(/[\s,]+/).filter(Boolean).map(Number);
    const ok = parts.length > 0 && parts.every((n) => Number.isInteger(n) && n >= 1 && n <= 64);
    if (!ok) return undefined;
    return s.kind === 'count' ? (parts.length === 1 ? parts[0] : undefined) : parts;
  };
  const valid = parse(text) !== undefined;
  return (
    <div className="field">
      <label htmlFor={`macro-${s.attr}`}>{s.label}</label>
      <input
        id={`macro-${s.attr}`}
        value={text}
        aria-invalid={!valid}
        className={valid ? '' : 'is-invalid'}
        title={s.kind === 'sizes' ? 'Widths of the layers, e.g. 8, 8, 1 (1 to 64 each)' : 'A whole number from 1 to 64'}
        onChange={(e) => {
          setText(e.target.value);
          const v = parse(e.target.value);
          if (v !== undefined) apply(node, s, v);
        }}
      />
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
