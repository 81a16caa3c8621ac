/**
 * Activations a layer macro may apply, and how its weights start. Initialisation (documented in
 * docs/training.md): Glorot/Xavier uniform, limit sqrt(6 / (fanIn + fanOut)), for none, sigmoid,
 * tanh, elu and step; He uniform, limit sqrt(6 / fanIn), for relu and leaky_relu. Biases start at 0.
 * An activation's own attrs (leaky_relu's and elu's alpha) and their defaults are the primitive's,
 * in ops/registry.ts.
 */

export const ACTIVATIONS = ['none', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'step'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export function initLimit(activation: Activation, fanIn: number, fanOut: number): number {
  return activation === 'relu' || activation === 'leaky_relu' ? Math.sqrt(6 / Math.max(fanIn, 1)) : Math.sqrt(6 / Math.max(fanIn + fanOut, 1));
}
