/**
 * How each op is written in ONNX (opset 13): given the builder, its operand tensor names and the
 * name its result must take. Every rule is elementwise over the batch, so the same rule serves a
 * per-sample [N] vector and (for fused layers' activations) an [N, units] matrix.
 */
import type { Attrs } from '../ops/types.ts';
import type { OnnxBuilder } from './onnx-builder.ts';

export type OnnxRule = (g: OnnxBuilder, x: string[], out: string, a: Attrs) => void;

/** One ONNX op applied to the operands as they are, with attrs from the op's attrs. */
export const onnxOp =
  (type: string, attrs?: (a: Attrs) => Record<string, number>): OnnxRule =>
  (g, x, out, a) => {
    g.op(type, x, out, attrs?.(a));
  };

/** Binary ONNX op folded over k operands (mul of three is Mul(Mul(x1, x2), x3)). */
export const onnxFold =
  (type: string): OnnxRule =>
  (g, x, out) => {
    let acc = x[0];
    for (let j = 1; j < x.length; j++) acc = g.op(type, [acc, x[j]], j === x.length - 1 ? out : g.fresh(`${out}/${type}${j}`));
  };

/** A variadic ONNX op (Sum, Mean, Max, Min), or Identity for one operand. */
export const onnxVariadic =
  (type: string): OnnxRule =>
  (g, x, out) => {
    g.op(x.length === 1 ? 'Identity' : type, x, out);
  };

export const onnxSquare: OnnxRule = (g, [x], out) => {
  g.op('Mul', [x, x], out);
};

export const onnxStep: OnnxRule = (g, [x], out) => {
  const ge = g.op('GreaterOrEqual', [x, g.constant(0)], g.fresh(`${out}/ge`));
  g.op('Cast', [ge], out, { to: { int: 1 } }); // 1 = FLOAT
};

/** max(ln p, -100): the losses' clamped log. */
function clampedLog(g: OnnxBuilder, p: string, out: string): string {
  const log = g.op('Log', [p], g.fresh(`${out}/log`));
  return g.op('Max', [log, g.constant(-100)], g.fresh(`${out}/clamped`));
}

export const onnxMse: OnnxRule = (g, x, out) => {
  const h = x.length / 2;
  const squares = x.slice(0, h).map((p, j) => {
    const d = g.op('Sub', [p, x[j + h]], g.fresh(`${out}/d${j + 1}`));
    return g.op('Mul', [d, d], g.fresh(`${out}/sq${j + 1}`));
  });
  const sum = squares.length === 1 ? squares[0] : g.op('Sum', squares, g.fresh(`${out}/sum`));
  g.op('Div', [sum, g.constant(h)], out);
};

export const onnxBce: OnnxRule = (g, [p, y], out) => {
  const one = g.constant(1);
  const pos = g.op('Mul', [y, clampedLog(g, p, `${out}/p`)], g.fresh(`${out}/pos`));
  const notP = g.op('Sub', [one, p], g.fresh(`${out}/1-p`));
  const notY = g.op('Sub', [one, y], g.fresh(`${out}/1-y`));
  const neg = g.op('Mul', [notY, clampedLog(g, notP, `${out}/q`)], g.fresh(`${out}/neg`));
  g.op('Neg', [g.op('Add', [pos, neg], g.fresh(`${out}/sum`))], out);
};

/** max(z, 0) − z·y + softplus(−|z|): BCEWithLogitsLoss from ONNX primitives, stable for any z. */
export const onnxBceWithLogits: OnnxRule = (g, [z, y], out) => {
  const relu = g.op('Relu', [z], g.fresh(`${out}/relu`));
  const zy = g.op('Mul', [z, y], g.fresh(`${out}/zy`));
  const negAbs = g.op('Neg', [g.op('Abs', [z], g.fresh(`${out}/abs`))], g.fresh(`${out}/-abs`));
  const soft = g.op('Softplus', [negAbs], g.fresh(`${out}/softplus`));
  g.op('Add', [g.op('Sub', [relu, zy], g.fresh(`${out}/linear`)), soft], out);
};

export const onnxCrossEntropy: OnnxRule = (g, x, out) => {
  const h = x.length / 2;
  const terms = x.slice(0, h).map((p, j) => g.op('Mul', [x[j + h], clampedLog(g, p, `${out}/p${j + 1}`)], g.fresh(`${out}/t${j + 1}`)));
  const sum = terms.length === 1 ? terms[0] : g.op('Sum', terms, g.fresh(`${out}/sum`));
  g.op('Neg', [sum], out);
};

export const onnxSoftmaxCrossEntropy: OnnxRule = (g, x, out) => {
  const h = x.length / 2;
  const z = g.stack(x.slice(0, h), `${out}/z`);
  const y = g.stack(x.slice(h), `${out}/y`);
  const logp = g.op('LogSoftmax', [z], g.fresh(`${out}/logp`), { axis: { int: 1 } });
  const prod = g.op('Mul', [y, logp], g.fresh(`${out}/ylogp`));
  const sum = g.op('ReduceSum', [prod, g.ints(g.fresh(`${out}/axes`), [1])], g.fresh(`${out}/sum`), { keepdims: { int: 0 } });
  g.op('Neg', [sum], out);
};

/**
 * Dropout in evaluation mode, as exported models run: opset 13 takes the ratio as an optional
 * input (a float scalar) and training_mode defaults to false, where the output is the input.
 */
export const onnxDropout: OnnxRule = (g, [x], out, a) => {
  g.op('Dropout', [x, g.constant(a.rate)], out);
};
