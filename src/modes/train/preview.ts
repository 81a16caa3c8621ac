/**
 * Train mode's canvas evaluation, built from the worker's numbers: what does not depend on values
 * (handles, port names, the loss, "incomplete" badges) comes from one evaluation of the model per
 * configure; each snapshot then only patches in the shown sample's values and gradients (and says
 * which are not finite). The page never rebuilds or re-evaluates the graph while training.
 */
import { own, withParams, type Model, type ModelNode } from '../../../graph-engine/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { evaluate, layerNonFinite, type Evaluation, type NodeResult } from '../../store/evaluate.ts';
import type { SampleLayout, SampleValues } from '../../trainWorker/protocol.ts';

export interface PreviewFrame {
  model: Model;
  /** The model's own evaluation: the structure every snapshot's preview shares. */
  base: Evaluation;
  /** Node id -> index into the snapshot's value and gradient arrays, by output port. */
  entries: Map<string, number[]>;
  byId: Map<string, ModelNode>;
  /** Per collapsed layer macro: where each layer's weights and biases sit in the snapshot's arrays. */
  layerSlots: Map<string, { W: number[][]; b: number[] }[]>;
}

/**
 * Once per configure: the structure of the model the worker trains, and where its numbers sit.
 * The model gets the worker's parameters first: a layer holding weights has a fixed number of
 * input handles, one without has a free one.
 */
export function previewFrame(model: Model, layout: SampleLayout, params: Readonly<Record<string, number>>): PreviewFrame {
  const entries = new Map<string, number[]>();
  layout.ids.forEach((id, i) => {
    const list = entries.get(id) ?? [];
    list[layout.ports[i]] = i;
    entries.set(id, list);
  });
  const trained = withParams(model, (id) => own(params, id));
  const base = evaluate(trained);
  const slot = (id: string) => entries.get(id)?.[0] ?? -1;
  const layerSlots = new Map<string, { W: number[][]; b: number[] }[]>();
  for (const [id, macro] of base.graph?.macros ?? []) {
    const slots = macro.layers.map((l) => ({ W: l.W.map((r) => r.map(slot)), b: l.b.map(slot) }));
    if (slots.every((l) => l.b.every((i) => i >= 0) && l.W.every((r) => r.every((i) => i >= 0)))) layerSlots.set(id, slots);
  }
  return { model: trained, base, entries, byId: new Map(trained.nodes.map((n) => [n.id, n])), layerSlots };
}

/** A badge that values do not change (a missing input, a node with a problem) stays as it was. */
const structural = (b: NodeResult['badge']) => (b && b.kind !== 'nonfinite' ? b : undefined);

/** The canvas evaluation for one snapshot's sample. */
export function samplePreview(frame: PreviewFrame, sample: SampleValues): Evaluation {
  const { base, entries, model, byId, layerSlots } = frame;
  const { values, grads } = sample;
  const at = (id: string, port: number) => entries.get(id)?.[port];
  const portValue = (id: string, port: number) => {
    const i = at(id, port);
    return i === undefined ? Number.NaN : values[i];
  };
  const results = new Map<string, NodeResult>();
  for (const [id, r] of base.results) {
    const slots = entries.get(id);
    const i = slots?.[0];
    if (i === undefined) {
      results.set(id, r); // not in the trained graph (cannot happen for a model that trains)
      continue;
    }
    // A gradient exists where the model's own evaluation has one: it depends on the wiring only.
    // Every field set here, none deleted: cards re-render from these objects 5 times a second.
    const next: NodeResult = { ...r, value: values[i], grad: r.grad !== undefined ? grads[i] : undefined, badge: structural(r.badge) };
    const kept = next.badge;
    // A layer's weights as trained so far, and the shown sample's gradient of each (when the card has gradients).
    const slotsOf = r.layers && layerSlots.get(id);
    if (slotsOf) {
      const g = r.layers!.every((l) => l.gW) ? grads : undefined;
      next.layers = slotsOf.map((l) => ({
        W: l.W.map((row) => row.map((k) => values[k])),
        b: l.b.map((k) => values[k]),
        ...(g ? { gW: l.W.map((row) => row.map((k) => g[k])), gb: l.b.map((k) => g[k]) } : {}),
      }));
    }
    if (r.outputs) {
      next.outputs = r.outputs.map((o, p) => {
        const k = slots![p];
        return { name: o.name, value: values[k], grad: o.grad !== undefined ? grads[k] : undefined };
      });
      if (!kept && next.outputs.some((o) => !Number.isFinite(o.value)))
        next.badge = { kind: 'nonfinite', reason: layerNonFinite(model, byId.get(id)!, next.outputs, portValue) };
    } else if (!kept && !Number.isFinite(next.value)) {
      next.badge = { kind: 'nonfinite', reason: own(sample.nonFinite, id) ?? t('train.canvas.nonFinite', { id, value: formatNumber(next.value) }) };
    }
    results.set(id, next);
  }
  return { ...base, results };
}
