/**
 * Activations a layer macro may apply, and how its weights start. Initialisation (documented in
 * docs/training.md): Glorot/Xavier uniform, limit sqrt(6 / (fanIn + fanOut)), for none, sigmoid,
 * tanh, elu and step; He uniform, limit sqrt(6 / fanIn), for relu and leaky_relu. Biases start at 0.
 */
import type { RawAttrs } from './types.ts';

export const ACTIVATIONS = ['none', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'step'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const isActivation = (a: unknown): a is Activation => typeof a === 'string' && (ACTIVATIONS as readonly string[]).includes(a);

export function initLimit(activation: string, fanIn: number, fanOut: number): number {
  return activation === 'relu' || activation === 'leaky_relu' ? Math.sqrt(6 / Math.max(fanIn, 1)) : Math.sqrt(6 / Math.max(fanIn + fanOut, 1));
}

/** Default negative-side parameter of leaky_relu / elu when attrs give none (the primitives' defaults). */
export function activationAlpha(activation: string, attrs: RawAttrs): number {
  const a = attrs.alpha;
  if (typeof a === 'number' && Number.isFinite(a)) return a;
  return activation === 'elu' ? 1 : 0.01;
}

/** Problem text for a bad activation attr, or undefined. */
export function checkActivation(value: unknown, attr: string): string | undefined {
  if (value === undefined || isActivation(value)) return undefined;
  return `attr "${attr}" must be one of ${ACTIVATIONS.join(', ')} (got ${JSON.stringify(value)})`;
}
