/**
 * The fit plot of a 1-input regression (km to miles): the data as points (input, target) and the
 * model's prediction as a curve over the input's range, evaluated in one batched forward over a
 * 1-D grid per snapshot, as the decision plane does over a 2-D one.
 */
import type { Trainer } from '../../graph-engine/index.ts';
import type { BindingView } from './binding.ts';
import type { FitInfo } from './protocol.ts';
import { paddedRange } from './extent.ts';
import { testMask } from '../../graph-engine/index.ts';

/** Grid points along the input axis: a smooth curve at 300 px. */
const FIT_POINTS = 100;
/** The axis runs this share of the data's span beyond it on each side. */
const PAD = 0.05;

/** The grid, and what to evaluate on it, for one configured trainer. */
export class FitCurve {
  private constructor(
    readonly info: FitInfo,
    private readonly grid: Record<string, Float64Array>,
  ) {}

  /**
   * The fit plot of a regression whose graph reads exactly one input column and has one
   * prediction, or undefined for any other graph.
   */
  static of(t: Trainer, binding: BindingView, count = FIT_POINTS): FitCurve | undefined {
    const roles = t.roles;
    if (t.task !== 'regression' || roles?.predictions.length !== 1) return undefined;
    const features = [...new Set(binding.rows.filter((r) => r.role === 'feature' && r.column).map((r) => r.column!))];
    const target = binding.rows.find((r) => r.role === 'target' && r.column)?.column;
    if (features.length !== 1 || !target) return undefined;
    const ds = t.dataset;
    const col = (name: string) => ds.data[ds.columns.indexOf(name)];
    const [axis] = features;
    const x = col(axis);
    const y = col(target);
    const range = paddedRange(x, PAD);
    const xs = Float64Array.from({ length: count }, (_, i) => range[0] + ((range[1] - range[0]) * i) / Math.max(count - 1, 1));
    const test = testMask(ds.rows, t.split);
    const info: FitInfo = {
      axis,
      target,
      range,
      count,
      output: t.graph.nodes[roles.predictions[0]].id,
      points: { x: Float32Array.from(x), y: Float32Array.from(y), label: Float32Array.from(y), test },
    };
    return new FitCurve(info, { [axis]: xs });
  }

  /** The prediction at each grid point for the trainer's current parameters (throws if the engine does). */
  curve(t: Pick<Trainer, 'evaluateGrid'>): Float32Array {
    return Float32Array.from(t.evaluateGrid([this.info.output], this.grid, this.info.count)[this.info.output]);
  }
}
