/**
 * Parameter updates over flat arrays (no allocation per step). With g the batch-mean gradient plus
 * regularisation (l2 · w for the penalty ½·l2·w², l1 · sign(w) for l1·|w|):
 *   sgd:      w -= lr · g
 *   momentum: v = μ v + g;  w -= lr · v                      (μ = momentum, default 0.9; PyTorch form)
 *   adam:     m = β1 m + (1-β1) g;  s = β2 s + (1-β2) g²;
 *             w -= lr · m̂ / (√ŝ + ε), m̂ = m / (1-β1^t), ŝ = s / (1-β2^t)   (β1 0.9, β2 0.999, ε 1e-8)
 * Regularisation applies to every trainable param, biases included.
 */
import type { TrainSettings } from './settings.ts';

export class OptimizerState {
  /** Momentum velocity, or Adam's first moment. */
  readonly m: Float64Array;
  /** Adam's second moment. */
  readonly s: Float64Array;
  /** Updates taken (Adam's t). */
  t = 0;
  constructor(size: number) {
    this.m = new Float64Array(size);
    this.s = new Float64Array(size);
  }
  reset(): void {
    this.m.fill(0);
    this.s.fill(0);
    this.t = 0;
  }
}

type UpdateSettings = Pick<TrainSettings, 'optimizer' | 'lr' | 'momentum' | 'beta1' | 'beta2' | 'epsilon' | 'l1' | 'l2'>;

/** One update of `params` from the batch-mean gradients `grads`. */
export function applyUpdate(params: Float64Array, grads: Float64Array, state: OptimizerState, o: UpdateSettings): void {
  const { lr, l1, l2 } = o;
  const n = params.length;
  state.t++;
  if (o.optimizer === 'sgd') {
    for (let i = 0; i < n; i++) {
      const w = params[i];
      params[i] = w - lr * (grads[i] + l2 * w + l1 * Math.sign(w));
    }
  } else if (o.optimizer === 'momentum') {
    const v = state.m;
    const mu = o.momentum;
    for (let i = 0; i < n; i++) {
      const w = params[i];
      v[i] = mu * v[i] + grads[i] + l2 * w + l1 * Math.sign(w);
      params[i] = w - lr * v[i];
    }
  } else {
    const { beta1, beta2, epsilon } = o;
    const m = state.m;
    const s = state.s;
    const c1 = 1 - beta1 ** state.t;
    const c2 = 1 - beta2 ** state.t;
    for (let i = 0; i < n; i++) {
      const w = params[i];
      const g = grads[i] + l2 * w + l1 * Math.sign(w);
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      s[i] = beta2 * s[i] + (1 - beta2) * g * g;
      params[i] = w - (lr * (m[i] / c1)) / (Math.sqrt(s[i] / c2) + epsilon);
    }
  }
}
