/**
 * Settings of a layer macro (units, layer sizes, activation, dropout), its parameter shapes, and Expand.
 * The form is the engine's: its fields, labels, hints and defaults come from the macro's settings
 * schema (graph-engine/macros/settings.ts), and every edit is checked by the engine before it is
 * applied, so the inspector accepts exactly what a file may hold and says why it refuses the rest.
 * Changing a shape drops the stored weights so the engine re-initialises them from the seed.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingText } from '../i18n/opText.ts';
import { formatNumber } from '../i18n/format.ts';
import { ACTIVATIONS, getOp, macroAttrsProblems, settingForm, type Graph, type ModelNode, type SettingFormField } from '../../graph-engine/index.ts';
import { editorStore } from '../store/useEditor.ts';
import { numberText, parseDecimal, parseWhole } from '../ui/numberText.ts';

/** The attrs patch that sets the field: a change of shape also drops the stored weights. */
function patchFor(node: ModelNode, f: SettingFormField, value: unknown): Record<string, unknown> {
  const patch: Record<string, unknown> = { [f.attr]: value };
  if (f.reshapes) for (const w of getOp(node.op)?.macro?.paramAttrs ?? []) patch[w] = undefined;
  return patch;
}

/** Sets the field when the engine accepts the result; else returns the engine's first objection. */
function apply(node: ModelNode, f: SettingFormField, value: unknown): string | undefined {
  const store = editorStore.getState();
  const patch = patchFor(node, f, value);
  const attrs = Object.fromEntries(Object.entries({ ...node.attrs, ...patch }).filter(([, v]) => v !== undefined));
  const problem = macroAttrsProblems(store.model, node.id, attrs)[0];
  if (problem) return problem.message;
  store.updateNode(node.id, { attrs: patch });
  return undefined;
}

/**
 * Typed text as the attr value it stands for: digits as numbers, a list of them for sizes. Any
 * other word stays text, so the engine refuses it by name ("got \"0x10\"").
 */
function typedValue(kind: SettingFormField['kind'], text: string): unknown {
  // A rate is a decimal (0.25); counts and sizes are digits only.
  const parse = kind === 'rate' ? parseDecimal : parseWhole;
  const word = (w: string) => {
    const n = parse(w);
    return Number.isNaN(n) ? w : n;
  };
  return kind === 'sizes'
    ? text
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(word)
    : word(text.trim());
}

/** A setting as the field shows it: a rate in the language's decimals ("0,25" in Spanish), sizes as a list. */
const asText = (v: unknown) => (Array.isArray(v) ? v.join(', ') : typeof v === 'number' ? numberText(v) : v === undefined ? '' : String(v));

function ShapeField({ node, f }: { node: ModelNode; f: SettingFormField }) {
  const { t } = useTranslation();
  const { label, hint } = settingText(getOp(node.op)!, f);
  const current = node.attrs?.[f.attr];
  const shown = asText(current ?? f.fallback);
  const [text, setText] = useState(shown);
  const [refusal, setRefusal] = useState<string>();
  useEffect(() => {
    // Follow the model (undo, another edit) unless the text already means this value.
    setText((t) => (JSON.stringify(typedValue(f.kind, t)) === JSON.stringify(current) ? t : shown));
    setRefusal(undefined);
  }, [shown, current, f.kind]);
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={`macro-${f.attr}`}>{label}</label>
      <input
        id={`macro-${f.attr}`}
        value={text}
        aria-invalid={refusal !== undefined}
        aria-describedby={refusal ? errorId : undefined}
        className={refusal ? 'is-invalid' : ''}
        title={hint}
        onChange={(e) => {
          setText(e.target.value);
          setRefusal(apply(node, f, typedValue(f.kind, e.target.value)));
        }}
        onBlur={() => {
          setText(shown);
          setRefusal(undefined);
        }}
      />
      {refusal && (
        <div className="field__error" id={errorId} role="status">
          {refusal}
          {shown ? ` ${t('inspector.macro.stays', { shown })}` : ''}
        </div>
      )}
    </div>
  );
}

function ActivationField({ node, f }: { node: ModelNode; f: SettingFormField }) {
  const { label, hint } = settingText(getOp(node.op)!, f);
  const [refusal, setRefusal] = useState<string>();
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={`macro-${f.attr}`}>{label}</label>
      <select
        id={`macro-${f.attr}`}
        title={hint}
        value={String(node.attrs?.[f.attr] ?? f.fallback)}
        aria-describedby={refusal ? errorId : undefined}
        onChange={(e) => setRefusal(apply(node, f, e.target.value))}
      >
        {ACTIVATIONS.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      {/* Every choice is valid, but one can make the layer too large (an activation adds a node per unit). */}
      {refusal && (
        <div className="field__error" id={errorId} role="status">
          {refusal}
        </div>
      )}
    </div>
  );
}

export function MacroSettings({ node, graph }: { node: ModelNode; graph?: Graph }) {
  const { t } = useTranslation();
  const def = getOp(node.op)?.macro;
  const fields = def ? settingForm(def.settings) : [];
  const instance = graph?.macros.get(node.id);
  return (
    <>
      {fields.map((f) => (f.kind === 'activation' ? <ActivationField key={f.attr} node={node} f={f} /> : <ShapeField key={f.attr} node={node} f={f} />))}
      {instance && (
        <>
          <h3>{t('inspector.macro.parameters')}</h3>
          <dl className="facts">
            {instance.layers.map((l, i) => (
              <div key={i} className="facts__row">
                <dt>{instance.layers.length > 1 ? t('inspector.macro.layerN', { n: i + 1 }) : t('inspector.macro.layer')}</dt>
                <dd>
                  W {l.W.length}×{l.W[0]?.length ?? 0}, b {l.b.length}, {l.activation}
                  {l.dropout ? `, dropout ${formatNumber(l.dropout.rate)}` : ''}
                </dd>
              </div>
            ))}
            <dt>{t('inspector.macro.inputs')}</dt>
            <dd>{instance.inputs}</dd>
            <dt>{t('inspector.macro.outputs')}</dt>
            <dd>{instance.outputs.length}</dd>
            <dt>{t('inspector.macro.primitives')}</dt>
            <dd>{instance.nodes.length}</dd>
          </dl>
        </>
      )}
      <button type="button" className="button-primary" onClick={() => editorStore.getState().expandMacro(node.id)}>
        {t('inspector.macro.expand')}
      </button>
    </>
  );
}
