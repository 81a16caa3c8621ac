/**
 * Layer macros: a node that stands for a small subgraph of primitive ops. The file keeps the macro
 * node (compact, parameters in attrs); the engine expands it before indexing the graph.
 */
import type { z } from 'zod';
import type { Attrs } from '../ops/types.ts';
import type { AttrProblem } from './settings.ts';

export type RawAttrs = Readonly<Record<string, unknown>>;

/** One layer's stored numbers: W[i][j] is the weight of unit i on input j; b[i] the bias of unit i. */
export interface LayerParams {
  W: number[][];
  b: number[];
}

/** Where a primitive edge inside a macro takes its value from: the macro's input port, or a node. */
export type Source = { input: number } | string;

/** One fully connected layer inside a macro, by local ids: what the trainer fuses into a kernel. */
export interface LayerSpec {
  inputs: Source[];
  /** W[j][i]: weight of unit j on input i (param ids). */
  W: string[][];
  b: string[];
  /** Pre-activation sums per unit. */
  z: string[];
  /** Outputs per unit (equal to z when the activation is 'none'). */
  out: string[];
  activation: string;
  /** The activation's alpha (slope of leaky_relu, scale of elu); 0 for activations without one. */
  alpha: number;
  /** Dropout after the activation, when the layer has it: its rate and the dropout node per unit (the layer's outputs then). */
  dropout?: { rate: number; out: string[] };
}

/** What a macro definition can do while it expands: add nodes and edges, name outputs. */
export interface MacroBuilder {
  /** Adds a node with a local id (becomes `<macro>/<local>`), placed at a column and row. */
  node(local: string, op: string, place: { col: number; row: number }, extra?: { value?: number; attrs?: Record<string, number>; label?: string }): string;
  edge(from: Source, to: string, port: number): void;
  /** Declares output port `port` of the macro to be local node `local`. */
  output(port: number, local: string): void;
  layer(spec: LayerSpec): void;
  /** The attrs primitive `op` declares, `given` over its registry defaults (e.g. leaky_relu's alpha). */
  opAttrs(op: string, given: Readonly<Record<string, number | undefined>>): Attrs;
  /** Seeded uniform draw in [-limit, limit], deterministic per macro node and model seed. */
  uniform(limit: number): number;
}

/**
 * One macro. `settings` is the schema of its attrs (settings.ts); the functions that build take
 * the settings it gives. Those that draw a card (outputCount, outputName, storedInputs) take the
 * raw attrs, since a card shows while the attrs are still wrong.
 */
export interface MacroDef<Schema extends z.ZodObject = z.ZodObject> {
  settings: Schema;
  /** Number of output ports for these attrs and `inputs` wired inputs. */
  outputCount(attrs: RawAttrs, inputs: number): number;
  outputName(port: number, attrs: RawAttrs, inputs: number): string;
  /**
   * Inputs implied by stored parameters (e.g. W's columns), or undefined when none are stored.
   * Used to notice a mismatch with the wired inputs.
   */
  storedInputs?(attrs: RawAttrs): number | undefined;
  /** Attrs that hold trained parameters (dropped to re-initialise). */
  paramAttrs?: readonly string[];
  /** The weights and biases the attrs store, per layer, when they are all there (neuron: one unit). */
  layersOf?(attrs: RawAttrs): LayerParams[] | undefined;
  /** The attrs that store these layers: the inverse of layersOf. */
  attrsOf?(layers: readonly LayerParams[]): Record<string, unknown>;
  /** Problems the schema cannot see: shapes that depend on the inputs or on other attrs. */
  check(settings: z.output<Schema>, inputs: number): AttrProblem[];
  /**
   * What `expand` would build for settings that pass `check`, counted arithmetically without
   * building it, so an oversized layer is refused before any work (limits.ts).
   */
  size(settings: z.output<Schema>, inputs: number): MacroSize;
  expand(b: MacroBuilder, settings: z.output<Schema>, inputs: number): void;
  /** The parameter attrs read back from the expanded param nodes (`value(local)`), to store over the old ones. */
  readParams?(settings: z.output<Schema>, inputs: number, value: (local: string) => number): Record<string, unknown>;
  /** How exporters write it: as fully connected layers (nn.Linear, Gemm) or as one softmax. */
  exportAs: 'layers' | 'softmax';
}

/** Primitives a macro expands into: node and edge counts (edges from its inputs included), parameters, and its shape in words. */
export interface MacroSize {
  nodes: number;
  edges: number;
  params: number;
  /** e.g. "1,000,000 units on 1 input". */
  shape: string;
}

/** One macro node after expansion: what the editor needs to show it collapsed or expanded. */
export interface MacroInstance {
  id: string;
  op: string;
  /** Number of input ports wired (or implied by stored params). */
  inputs: number;
  /** Ids of every primitive node it expanded into, in creation order. */
  nodes: string[];
  /** Ids of its param nodes. */
  params: string[];
  /** Primitive node id of each output port. */
  outputs: string[];
  /** For each input port, the primitive (node, port) pairs that read it. */
  inputConsumers: { node: string; port: number }[][];
  /** Grid hints for laying the expansion out in place (columns left to right). */
  place: Record<string, { col: number; row: number }>;
  /** Fully connected layers, with ids resolved (inputs are primitive node ids, '' when unwired). */
  layers: ResolvedLayer[];
  /** Built with empty ports allowed (the editor) and some input left unwired: which, in a sentence. */
  unwired?: string;
}

export interface ResolvedLayer extends Omit<LayerSpec, 'inputs'> {
  inputs: string[];
}
