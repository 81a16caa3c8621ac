/**
 * Train mode's canvas evaluation, built from the worker's numbers: what does not depend on values
 * (handles, port names, the loss, "incomplete" badges) comes from one evaluation of the model per
 * configure; each snapshot then only patches in the shown sample's values and gradients (and says
 * which are not finite). The page never rebuilds or re-evaluates the graph while training.
 */
import { own, withParams, type Model, type ModelNode } from '../../../graph-engine/index.ts';
import { evaluate, layerNonFinite, type Evaluation, type NodeResult } from '../../store/evaluate.ts';
import type { SampleLayout, SampleValues } from '../../trainWorker/protocol.ts';

export interface PreviewFrame {
  model: Model;
  /** The model's own evaluation: the structure every snapshot's preview shares. */
  base: Evaluation;
  /** Node id -> index into the snapshot's value and gradient arrays, by output port. */
  entries: Map<string, number[]>;
  byId: Map<string, ModelNode>;
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
  return { model: trained, base: evaluate(trained), entries, byId: new Map(trained.nodes.map((n) => [n.id, n])) };
}

/** A badge that values do not change (a missing input, a node with a problem) stays as it was. */
const structural = (b: NodeResult['badge']) => (b && b.kind !== 'nonfinite' ? b : undefined);

/** The canvas evaluation for one snapshot's sample. */
export function samplePreview(frame: PreviewFrame, sample: SampleValues): Evaluation {
  const { base, entries, model, byId } = frame;
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
    if (r.outputs) {
      next.outputs = r.outputs.map((o, p) => {
        const k = slots![p];
        return { name: o.name, value: values[k], grad: o.grad !== undefined ? grads[k] : undefined };
      });
      if (!kept && next.outputs.some((o) => !Number.isFinite(o.value)))
        next.badge = { kind: 'nonfinite', reason: layerNonFinite(model, byId.get(id)!, next.outputs, portValue) };
    } else if (!kept && !Number.isFinite(next.value)) {
      next.badge = { kind: 'nonfinite', reason: own(sample.nonFinite, id) ?? `Node "${id}" is ${next.value}.` };
    }
    results.set(id, next);
  }
  return { ...base, results };
}
