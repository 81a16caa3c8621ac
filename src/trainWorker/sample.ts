/**
 * The sample shown on the canvas, evaluated in the worker: forward and reverse mode over the
 * trainer's own graph (Trainer.session: its current parameters, one dataset row), so each snapshot
 * carries that sample's values and gradients and the page never rebuilds or re-evaluates the
 * graph. The numbers go as flat arrays in an order (SampleLayout) sent once per configure.
 */
import { own, typicalRow, type Trainer, testMask } from '../../graph-engine/index.ts';
import type { SampleLayout, SampleValues, ShownSample } from './protocol.ts';

export class SampleProbe {
  readonly layout: SampleLayout;
  /** The typical training row: what is shown when no row is picked. */
  readonly typical: number;
  /** Graph node index per layout entry. */
  private readonly nodes: Int32Array;
  private readonly test: Uint8Array;

  constructor(private readonly t: Trainer) {
    const g = t.graph;
    const ids: string[] = [];
    const ports: number[] = [];
    const nodes: number[] = [];
    // As the editor's evaluation reads them: nodes outside layers, then each layer's outputs.
    for (const node of g.nodes) {
      if (node.origin) continue;
      ids.push(node.id);
      ports.push(0);
      nodes.push(node.index);
    }
    for (const [id, macro] of g.macros) {
      macro.outputs.forEach((o, p) => {
        ids.push(id);
        ports.push(p);
        nodes.push(g.indexOf.get(o)!);
      });
    }
    // Then every layer's weights and biases, by their own ids: the network view draws their
    // values and the shown sample's ∂L/∂w (preview.ts puts them into each layer's reading).
    for (const macro of g.macros.values()) {
      for (const p of macro.params) {
        ids.push(p);
        ports.push(0);
        nodes.push(g.indexOf.get(p)!);
      }
    }
    this.layout = { ids, ports };
    this.nodes = Int32Array.from(nodes);
    this.test = testMask(t.dataset.rows, t.split);
    const targets = new Set(t.roles?.targets ?? []);
    const column = (n: number) => t.bindings.find((b) => b.node === n)?.column;
    const inputs = t.bindings.filter((b) => !targets.has(b.node)).map((b) => b.column);
    const targetCols = [...targets].map(column).filter((c): c is number => c !== undefined);
    this.typical = Math.max(0, typicalRow(t.dataset, t.split.train, inputs, targetCols, t.task));
  }

  /** The row a request shows: its own when it names one in range, else the typical row. */
  rowOf(shown: ShownSample | undefined, fallback = this.typical): number {
    const row = shown?.kind === 'row' ? shown.row : fallback;
    return Number.isInteger(row) && row >= 0 && row < this.t.dataset.rows ? row : this.typical;
  }

  /**
   * Values and gradients of one sample with the trainer's current parameters: `row`'s inputs and
   * targets, with `inputs` (input node id -> value) in place of the row's where given. Ids that
   * are not input nodes are ignored.
   */
  evaluate(row: number, inputs: Record<string, number> | undefined, tag: number): SampleValues {
    const { graph } = this.t;
    const s = this.t.session([row]);
    let custom = false;
    if (inputs) {
      for (const id of Object.keys(inputs)) {
        const n = graph.indexOf.get(id);
        const v = own(inputs, id);
        if (n === undefined || graph.nodes[n].op.name !== 'input' || typeof v !== 'number') continue;
        s.setLeaf(n, v);
        custom = true;
      }
    }
    s.forward();
    if (!s.backwardBlocker()) s.backward();
    const count = this.nodes.length;
    const values = new Float64Array(count);
    const grads = new Float64Array(count);
    let nonFinite: Record<string, string> | undefined;
    const first = s.firstNonFinite('values')?.node;
    for (let i = 0; i < count; i++) {
      const n = this.nodes[i];
      values[i] = s.value(n);
      grads[i] = s.grad(n);
      if (!Number.isFinite(values[i]) && !graph.nodes[n].origin) {
        nonFinite ??= Object.create(null) as Record<string, string>; // keyed by node id
        nonFinite[graph.nodes[n].id] = s.nonFiniteCause(n, 0, n === first)!;
      }
    }
    const out: SampleValues = { tag, row, test: this.test[row] === 1, custom, values, grads };
    if (nonFinite) out.nonFinite = nonFinite;
    return out;
  }
}
