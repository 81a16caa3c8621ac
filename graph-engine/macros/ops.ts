/**
 * The layer macros as registry entries (category 'Layers'), so the palette, ports, symbol and
 * description come from the one op registry like every primitive.
 */
import type { OpDef } from '../ops/types.ts';
import type { MacroDef } from './types.ts';
import { dense, mlp, neuron, softmax } from './layers.ts';

function macroOp(name: string, symbol: string, description: string, macro: MacroDef, minInputs: number, starterAttrs?: OpDef['starterAttrs']): OpDef {
  return {
    ...(starterAttrs ? { starterAttrs } : {}),
    name,
    symbol,
    category: 'Layers',
    description,
    arity: { kind: 'variadic', min: minInputs, portName: (i) => `x${i + 1}` },
    macro,
    // Never called: macros are expanded into primitives before the graph is indexed.
    forward: () => Number.NaN,
    partial: () => Number.NaN,
    latex: {
      value: (args) => `\\operatorname{${name}}(${args.join(', ')})`,
      partial: () => '\\text{(see the expanded layer)}',
    },
  };
}

export const MACRO_OPS: OpDef[] = [
  macroOp('neuron', 'N', 'One neuron: act(w·x + b) over k inputs (attrs: activation, w, b).', neuron, 1),
  macroOp('dense', 'Dense', 'Fully connected layer: units neurons sharing k inputs; one output per unit (attrs: units, activation, dropout, W, b).', dense, 1),
  macroOp('mlp', 'MLP', 'Stack of dense layers (attrs: sizes, activation, outputActivation, dropout, W, b).', mlp, 1, { sizes: [4, 1] }),
  macroOp('softmax', 'softmax', 'Softmax over k inputs, k outputs: exp(x_i − max) / Σ exp(x_j − max).', softmax, 2),
];
