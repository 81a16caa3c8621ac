/**
 * The shape of one op in the registry. Everything the UI, CLI, trainer and exporters need to know
 * about an op lives in one `OpDef`: ports, forward, local partial derivatives, LaTeX, description,
 * palette category. Nothing outside the registry hard-codes an op.
 */

export type Category = 'Inputs and parameters' | 'Arithmetic' | 'Activations' | 'Losses' | 'Layers' | 'Expression';

export const CATEGORIES: readonly Category[] = ['Inputs and parameters', 'Arithmetic', 'Activations', 'Losses', 'Layers', 'Expression'];

import type { MacroDef } from '../macros/types.ts';
import type { OnnxRule } from '../export/onnx-rules.ts';

/** Resolved op settings: every attr the op declares, with its default filled in. */
export type Attrs = Readonly<Record<string, number>>;

export interface AttrSpec {
  name: string;
  default: number;
  description: string;
}

/**
 * Ports. Fixed ops name each operand; variadic ops take ports 0..k-1 with no gaps, k >= min and,
 * for paired losses (p1..pk, t1..tk), k a multiple of `multipleOf`.
 */
export type Arity =
  | { kind: 'leaf' }
  | { kind: 'fixed'; ports: readonly string[] }
  | { kind: 'variadic'; min: number; multipleOf?: number; portName: (i: number, k: number) => string };

/**
 * `x` holds the operand values (a reused scratch buffer; read `k` entries, never keep it).
 * `partial` returns d(output)/d(x[i]) given the operands and the already computed output `y`.
 */
export interface OpDef {
  name: string;
  /** Short symbol for node cards and the palette (plain text, not LaTeX). */
  symbol: string;
  category: Category;
  /** One line, shown on hover in the palette. */
  description: string;
  arity: Arity;
  attrs?: readonly AttrSpec[];
  forward(x: ArrayLike<number>, k: number, a: Attrs): number;
  partial(x: ArrayLike<number>, k: number, y: number, i: number, a: Attrs): number;
  /**
   * A one-operand op's forward and derivative as plain scalar functions (the same ones `forward`
   * and `partial` call), for kernels that apply the op elementwise without an operand array: the
   * trainer's fused layers run their activation through these.
   */
  scalar?: {
    value(x: number, a: Attrs): number;
    /** d(output)/dx given the input x and the output y. */
    slope(x: number, y: number, a: Attrs): number;
  };
  /**
   * One-operand ops that act differently in a training step (dropout): their value and derivative
   * there, given the sample's uniform draw u in [0, 1) (core/random.ts maskDraw). The trainer's
   * steps, and a Session put in a training step, use these; everywhere else (evaluation, Build,
   * Teach) `forward` and `partial` apply.
   */
  training?: {
    value(x: number, u: number, a: Attrs): number;
    /** d(output)/dx in the training step. */
    slope(u: number, a: Attrs): number;
  };
  latex: {
    /** Right-hand side of `out = ...` given operand expressions (names or numbers, already LaTeX). */
    value(args: readonly string[], a: Attrs): string;
    /** d(out)/d(operand i) written with the operands and the output `out` (names or numbers). */
    partial(args: readonly string[], i: number, out: string, a: Attrs): string;
  };
  /** How an undefined derivative is taken (relu at 0, step, ...), in plain words for the UI. */
  convention?: string;
  /** How the op is written in ONNX; absent when there is no faithful equivalent. */
  onnx?: OnnxRule;
  /** The op as a PyTorch expression over operand expressions (float64 tensors), for export. */
  torch?: (x: readonly string[], a: Attrs) => string;
  /**
   * Layer macros (category 'Layers') carry their expansion here. A macro never runs forward: it is
   * replaced by primitive ops before the graph is indexed (see macros/expand.ts).
   */
  macro?: MacroDef;
  /**
   * Ops whose behaviour depends on non-numeric node attrs (the `expr` formula) build a per-node
   * OpDef here: the graph stores that instance for the node. Returns a message when attrs are bad.
   */
  instantiate?(attrs: Readonly<Record<string, unknown>> | undefined): OpDef | { error: string };
  /**
   * Attrs a node starts with when the editor adds it: what the op cannot work without (an MLP's
   * layer sizes, an expression's formula), so a node fresh from the palette computes at once.
   */
  starterAttrs?: Readonly<Record<string, unknown>>;
}
