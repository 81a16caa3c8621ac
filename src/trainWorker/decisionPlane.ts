/**
 * The decision plane: a grid over two input features on which the worker evaluates the model's
 * output (the decision boundary) and every unit worth a picture (the thumbnails on the canvas
 * cards), all in one batched forward pass per snapshot. Layer macros are read from their
 * expansion (`MacroInstance.layers`): one row of unit pictures per fully connected layer.
 */
import { DERIVED_FEATURES, gridColumns, nullRecord, type Graph, type Trainer, testMask } from '../../graph-engine/index.ts';
import type { BindingView } from './binding.ts';
import type { Heatmaps, PlaneInfo, PointsInfo, WorkerText } from './protocol.ts';
import { extent, paddedRange } from './extent.ts';

/** Most unit pictures on the canvas at once (the rest of a big graph goes without). */
const MAX_THUMBS = 96;
/** Thumbnails use every THUMB_STEP-th grid point in each direction. */
const THUMB_STEP = 2;

/** The grid, and what to draw on it, for one configured trainer. */
/** A logit's colour range: beyond ±4 the probability is within 2% of 0 or 1, so the colour saturates. */
const LOGIT_SPAN = 4;

export class DecisionPlane {
  private constructor(
    readonly info: PlaneInfo,
    readonly points: PointsInfo,
    private readonly grid: { columns: Record<string, Float64Array>; count: number },
    /** Everything evaluated on the grid: the output(s) and every thumbnail node. */
    private readonly ids: string[],
  ) {}

  /**
   * The plane of a trainer whose graph reads exactly two input features (x1 and x2 with derived
   * features such as x1^2 allowed), or why there is none.
   */
  static of(t: Trainer, binding: BindingView, gridSize: number): DecisionPlane | { noPlane: WorkerText } {
    const ds = t.dataset;
    const features = binding.rows.filter((r) => r.role === 'feature' && r.column).map((r) => r.column!);
    const isDerived = (c: string) => DERIVED_FEATURES.some((d) => d.column === c);
    const base = [...new Set(features.filter((c) => !isDerived(c)))];
    const derived = features.some(isDerived);
    const plain = base.length === 2 && (!derived || (base.includes('x1') && base.includes('x2')));
    if (!plain) {
      return { noPlane: base.length === 2 ? { code: 'planeNeedsX1X2' } : { code: 'planeNeedsTwo', features } };
    }
    const axes: [string, string] = base.includes('x1') && base.includes('x2') ? ['x1', 'x2'] : [base[0], base[1]];
    const col = (name: string) => ds.data[ds.columns.indexOf(name)];
    const range = axes.map((a) => {
      return paddedRange(col(a), 0.08);
    }) as [[number, number], [number, number]];
    const roles = t.roles;
    const targetRow = binding.rows.find((r) => r.role === 'target' && r.column);
    const output = roles && roles.predictions.length === 1 ? t.graph.nodes[roles.predictions[0]].id : undefined;
    const k = roles?.predictions.length ?? 0;
    const outputs = roles && k > 1 ? roles.predictions.map((n) => t.graph.nodes[n].id) : undefined;
    let labels: Float64Array | undefined = targetRow ? col(targetRow.column!) : undefined;
    let valueRange: [number, number] = [0, 1];
    if (outputs) {
      // One-hot targets: the class of a row is its largest target column.
      const targetCols = roles!.targets.map((n) => {
        const b = t.bindings.find((x) => x.node === n);
        return b ? ds.data[b.column] : undefined;
      });
      if (targetCols.every((c) => c)) {
        const cls = new Float64Array(ds.rows);
        for (let r = 0; r < ds.rows; r++) {
          let best = 0;
          for (let j = 1; j < k; j++) if (targetCols[j]![r] > targetCols[best]![r]) best = j;
          cls[r] = best;
        }
        labels = cls;
      }
      valueRange = [0, k - 1];
    } else if (labels) {
      const [lo, hi] = extent(labels);
      valueRange = lo < hi ? [lo, hi] : [lo - 1, hi + 1];
    }
    const info: PlaneInfo = {
      axes,
      range,
      ...(roles?.logits && !outputs ? { heatRange: [-LOGIT_SPAN, LOGIT_SPAN] as [number, number] } : {}),
      size: gridSize,
      thumbStep: THUMB_STEP,
      output,
      outputs,
      thumbnails: thumbnailsFor(t.graph, binding, MAX_THUMBS),
      valueRange,
    };
    const g = gridColumns(gridSize, range[0], range[1]);
    // Grid columns named after the axes, so features bound to any two columns can be drawn.
    const columns: Record<string, Float64Array> = { ...g.columns, [axes[0]]: g.columns.x1, [axes[1]]: g.columns.x2 };
    const ids = [...new Set([...(output ? [output] : []), ...(outputs ?? []), ...Object.values(info.thumbnails).flat(2)])];
    const test = testMask(ds.rows, t.split);
    const points: PointsInfo = {
      x: Float32Array.from(col(axes[0])),
      y: Float32Array.from(col(axes[1])),
      label: labels ? Float32Array.from(labels) : new Float32Array(ds.rows),
      test,
    };
    return new DecisionPlane(info, points, { columns, count: g.count }, ids);
  }

  /** The output grid and the thumbnails for the trainer's current parameters (throws if the engine does). */
  heatmaps(t: Pick<Trainer, 'evaluateGrid'>): Heatmaps {
    const plane = this.info;
    const values = t.evaluateGrid(this.ids, this.grid.columns, this.grid.count);
    const size = plane.size;
    const step = plane.thumbStep;
    const ts = Math.ceil(size / step);
    const thumbs = nullRecord<Float32Array>(); // keyed by node id (records.ts)
    const thumbIds = new Set(Object.values(plane.thumbnails).flat(2));
    for (const id of this.ids) {
      if ((id === plane.output || plane.outputs?.includes(id)) && !thumbIds.has(id)) continue;
      const src = values[id];
      const out = new Float32Array(ts * ts);
      for (let r = 0; r < ts; r++) for (let c = 0; c < ts; c++) out[r * ts + c] = src[r * step * size + c * step];
      thumbs[id] = out;
    }
    const heat: Heatmaps = { size, output: plane.output ? Float32Array.from(values[plane.output]) : undefined, thumbs, thumbSize: ts };
    if (plane.outputs)
      Object.assign(
        heat,
        argmaxGrid(
          plane.outputs.map((id) => values[id]),
          size * size,
        ),
      );
    return heat;
  }
}

/**
 * Nodes worth a thumbnail: computed from the features and not from the targets (so not the
 * loss). A layer macro gets one row of unit outputs per fully connected layer (its activations,
 * or its sums when it has none); other nodes one picture each. At most `max` pictures: macros,
 * taken in graph order, get whole layers while they fit.
 */
export function thumbnailsFor(graph: Graph, binding: BindingView, max: number): Record<string, string[][]> {
  const N = graph.nodes.length;
  const reach = (ids: string[]) => {
    const seen = new Uint8Array(N);
    const stack = ids.map((id) => graph.indexOf.get(id)!).filter((n) => n !== undefined);
    for (const n of stack) seen[n] = 1;
    while (stack.length) {
      const n = stack.pop()!;
      for (const e of graph.outEdges[n]) {
        const m = graph.edges[e].target;
        if (!seen[m]) {
          seen[m] = 1;
          stack.push(m);
        }
      }
    }
    return seen;
  };
  const fromFeatures = reach(binding.rows.filter((r) => r.role === 'feature' && r.column).map((r) => r.nodeId));
  const fromTargets = reach(binding.rows.filter((r) => r.role === 'target').map((r) => r.nodeId));
  const pictured = (n: number) => fromFeatures[n] === 1 && fromTargets[n] === 0;
  const out = nullRecord<string[][]>(); // keyed by node id (records.ts)
  let count = 0;
  const macros: string[] = [];
  for (const n of graph.nodes) {
    if (!pictured(n.index)) continue;
    // Feature inputs too: their picture is the feature itself (x1, x1^2, sin(x2)...), as in the Playground.
    if (n.origin === undefined) {
      if (count < max) {
        out[n.id] = [[n.id]];
        count++;
      }
    } else if (!macros.includes(n.origin)) macros.push(n.origin);
  }
  for (const id of macros) {
    const rows: string[][] = [];
    for (const layer of graph.macros.get(id)?.layers ?? []) {
      const row = layer.out.filter((unit) => pictured(graph.indexOf.get(unit)!));
      if (!row.length) continue;
      if (count + row.length > max) break;
      rows.push(row);
      count += row.length;
    }
    if (rows.length) out[id] = rows;
  }
  return out;
}

/**
 * The predicted class (argmax) per grid point and its confidence: the top probability rescaled so
 * 1/k (no preference) is 0 and 1 is certain. Outputs that are not probabilities (logits) go
 * through a softmax first.
 */
export function argmaxGrid(outputs: ArrayLike<number>[], count: number): { argmax: Uint8Array; confidence: Float32Array } {
  const k = outputs.length;
  const argmax = new Uint8Array(count);
  const confidence = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    let sum = 0;
    let probs = true;
    for (let j = 0; j < k; j++) {
      const v = outputs[j][i];
      if (v > outputs[best][i]) best = j;
      if (!(v >= 0 && v <= 1)) probs = false;
      sum += v;
    }
    const top = outputs[best][i];
    let p: number;
    if (probs && Math.abs(sum - 1) < 1e-3) p = top;
    else {
      let z = 0;
      for (let j = 0; j < k; j++) z += Math.exp(outputs[j][i] - top);
      p = 1 / z;
    }
    argmax[i] = best;
    confidence[i] = Number.isFinite(p) ? Math.max(0, (p - 1 / k) / (1 - 1 / k)) : 0;
  }
  return { argmax, confidence };
}
