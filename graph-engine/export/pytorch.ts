/**
 * Export a model as a standalone PyTorch script: the graph as an nn.Module (layer macros as
 * nn.Linear with the weights copied and nn.Dropout after a layer with dropout, primitives as torch
 * functions from the op registry), the loss,
 * a self-check that runs forward and backward in float64 and asserts GraphGrad's own values and
 * gradients (embedded in the script), and a training loop behind --train. Any id is safe: ids
 * appear only as escaped string literals, and attribute names are made-up identifiers (p_…, l_…)
 * listed with their ids in ATTRIBUTE_IDS.
 */
import type { Model } from '../core/model.ts';
import { getOp } from '../ops/registry.ts';
import { Session } from '../autodiff/session.ts';
import { ModelError } from '../core/model.ts';
import { createTrainer } from '../train/create.ts';
import { DataError } from '../data/dataset.ts';
import { resolveSettings, type TrainSettings } from '../train/settings.ts';
import { ExportError } from './onnx.ts';
import { exportPlan, layerName, type ExportStep } from './steps.ts';

export interface PytorchOptions {
  /** Training data as columns by input node id; by default the model's built-in dataset's training rows. */
  data?: Record<string, number[]>;
  /** Overrides of the model's training settings. */
  training?: Partial<TrainSettings>;
}

/** Embedding more numbers than this would make an unwieldy script: use --data file.csv instead. */
const MAX_EMBEDDED_NUMBERS = 200_000;

/** The training rows of the model's own dataset, by input node id, when it names a built-in one. */
function builtInTrainingData(model: Model, overrides?: Partial<TrainSettings>): Record<string, number[]> | undefined {
  let trainer: ReturnType<typeof createTrainer>;
  try {
    trainer = createTrainer(model, { overrides });
  } catch (e) {
    // No dataset named, or it does not bind to the inputs: the script then asks for --data.
    // Anything else (the settings and the graph were checked already) is a bug, and surfaces.
    if (e instanceof DataError) return undefined;
    throw e;
  }
  const rows = [...trainer.split.train];
  if (rows.length * trainer.bindings.length > MAX_EMBEDDED_NUMBERS) return undefined;
  // fromEntries: an input id like "__proto__" stays an own key (assignment would set the prototype).
  return Object.fromEntries(trainer.bindings.map((b) => [trainer.graph.nodes[b.node].id, rows.map((r) => trainer.dataset.data[b.column][r])]));
}

const py = (v: number) => (Number.isFinite(v) ? (Number.isInteger(v) ? `${v}.0` : String(v)) : v > 0 ? 'math.inf' : v < 0 ? '-math.inf' : 'math.nan');
const hex = (c: number, digits: number) => c.toString(16).padStart(digits, '0');
const PY_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * The body of a double-quoted Python string holding `s` exactly: backslash and quote escaped,
 * printable ASCII and printable non-ASCII (letters, marks, digits, punctuation, symbols) as
 * they are, everything else (controls, NUL, line and paragraph separators, bidi and other format
 * characters, unpaired surrogates) as \xXX, \uXXXX or \UXXXXXXXX. Valid inside "..." and """...""".
 */
function pyEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (PY_ESCAPES[ch]) out += PY_ESCAPES[ch];
    else if ((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch))) out += ch;
    else out += c <= 0xff ? `\\x${hex(c, 2)}` : c <= 0xffff ? `\\u${hex(c, 4)}` : `\\U${hex(c, 8)}`;
  }
  return out;
}
/** A Python string literal equal to `s`, whatever it holds. */
const pyStr = (s: string) => `"${pyEscape(s)}"`;

/**
 * Attribute names for the module's parameters and layers: `p_` or `l_` then the id with every
 * character outside [A-Za-z0-9_] as `_`, cut at 60, numbered when taken. The prefix keeps them
 * clear of Python keywords (`class`, `None`) and of every nn.Module attribute (`forward`,
 * `training`, `parameters`, `__class__`, ...); ASCII keeps them clear of Unicode normalisation.
 */
function attributeNamer(): (prefix: 'p' | 'l', id: string) => string {
  const used = new Set<string>();
  return (prefix, id) => {
    const base = `${prefix}_${id.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60)}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  };
}

const HELPERS = `def gg_clamped_log(p):
    return torch.clamp(torch.log(p), min=-100.0)


def gg_mse(xs):
    h = len(xs) // 2
    return sum((xs[i] - xs[i + h]) ** 2 for i in range(h)) / h


def gg_bce(p, y):
    return -(y * gg_clamped_log(p) + (1 - y) * gg_clamped_log(1 - p))


def gg_cross_entropy(xs):
    h = len(xs) // 2
    return -sum(xs[i + h] * gg_clamped_log(xs[i]) for i in range(h))


def gg_softmax_cross_entropy(xs):
    h = len(xs) // 2
    z = torch.stack(xs[:h], -1)
    y = torch.stack(xs[h:], -1)
    return -(y * torch.log_softmax(z, -1)).sum(-1)`;

export function exportPytorch(model: Model, options: PytorchOptions = {}): string {
  const { graph, steps } = exportPlan(model);
  if (graph.loss < 0) throw new ExportError('The model names no loss node; PyTorch export needs one to check gradients.');

  // GraphGrad's own numbers at the stored input values, which the script asserts.
  const s = new Session(graph, 1);
  s.forward();
  const bad = s.describeNonFinite();
  if (bad) throw new ExportError(`Cannot export: ${bad}`);
  s.backward();
  const val = (id: string) => s.value(graph.indexOf.get(id)!);
  const grad = (id: string) => s.grad(graph.indexOf.get(id)!);

  const attrName = attributeNamer();
  /** Each attribute of the module, with the GraphGrad id it holds (a param id, or a layer's name). */
  const attributeIds: [string, string][] = [];
  /** Ids given a value in forward(), in order: the values the self-check compares. */
  const checkedValues: string[] = [];
  const assign = (id: string, expr: string) => {
    forward.push(`v[${pyStr(id)}] = ${expr}`);
    checkedValues.push(id);
  };

  const init: string[] = [];
  const forward: string[] = [];
  const inputs: string[] = [];
  /** Each GraphGrad param id, with the PyTorch tensor holding it and the index inside that tensor. */
  const params: { id: string; tensor: string; index: string }[] = [];
  for (const step of steps) emitStep(step);

  function emitStep(step: ExportStep): void {
    switch (step.kind) {
      case 'leaf': {
        const { node } = step;
        if (node.op.name === 'input') {
          inputs.push(node.id);
          assign(node.id, `inputs[${pyStr(node.id)}]`);
        } else if (node.op.name === 'param') {
          const a = attrName('p', node.id);
          attributeIds.push([a, node.id]);
          init.push(`self.${a} = nn.Parameter(torch.tensor(${py(node.value)}))  # ${pyStr(node.id)}`);
          assign(node.id, `self.${a}`);
          params.push({ id: node.id, tensor: `model.${a}`, index: '()' });
        } else {
          assign(node.id, `torch.tensor(${py(node.value)})`);
        }
        return;
      }
      case 'op': {
        const { node } = step;
        const torch = getOp(node.op.name)?.torch;
        if (!torch)
          throw new ExportError(`Node ${JSON.stringify(node.id)} (${node.op.name}) has no PyTorch equivalent, so the model cannot be exported to PyTorch.`);
        assign(
          node.id,
          torch(
            step.inputs.map((i) => `v[${pyStr(i)}]`),
            node.attrs,
          ),
        );
        return;
      }
      case 'layer': {
        const { layer } = step;
        const a = attrName('l', layerName(layer));
        attributeIds.push([a, layerName(layer)]);
        const units = layer.out.length;
        const k = layer.inputs.length;
        init.push(
          `self.${a} = nn.Linear(${k}, ${units})  # ${step.macro.op} ${pyStr(step.macro.id)}, layer ${step.index + 1}`,
          `with torch.no_grad():`,
          `    self.${a}.weight.copy_(torch.tensor([${step.W.map((r) => `[${r.map(py).join(', ')}]`).join(', ')}]))`,
          `    self.${a}.bias.copy_(torch.tensor([${step.b.map(py).join(', ')}]))`,
        );
        const x = `torch.stack([${layer.inputs.map((i) => `v[${pyStr(i)}]`).join(', ')}], -1)`;
        const act = layer.activation === 'none' ? (z: string) => z : (z: string) => getOp(layer.activation)!.torch!([z], { alpha: layer.alpha });
        forward.push(`out = ${act(`self.${a}(${x})`)}`);
        layer.out.forEach((o, j) => assign(o, `out[..., ${j}]`));
        if (layer.dropout) {
          // nn.Dropout drops only in training mode (model.train()); the self-check runs model.eval().
          const d = attrName('l', `${layerName(layer)}/dropout`);
          attributeIds.push([d, `${layerName(layer)}/dropout`]);
          init.push(`self.${d} = nn.Dropout(p=${py(layer.dropout.rate)})`);
          forward.push(`out = self.${d}(out)`);
          layer.dropout.out.forEach((o, j) => assign(o, `out[..., ${j}]`));
        }
        layer.W.forEach((row, j) => row.forEach((id, i) => params.push({ id, tensor: `model.${a}.weight`, index: `(${j}, ${i})` })));
        layer.b.forEach((id, j) => params.push({ id, tensor: `model.${a}.bias`, index: `(${j},)` }));
        return;
      }
      case 'softmax': {
        forward.push(`out = torch.softmax(torch.stack([${step.inputs.map((i) => `v[${pyStr(i)}]`).join(', ')}], -1), -1)  # softmax ${pyStr(step.macro.id)}`);
        step.macro.outputs.forEach((o, j) => assign(o, `out[..., ${j}]`));
      }
    }
  }

  const lossId = graph.nodes[graph.loss].id;
  const { settings: t, problems } = resolveSettings(model, options.training);
  if (!t) throw new ModelError(problems);
  const data = options.data ?? builtInTrainingData(model, options.training);
  const indent = (lines: string[], n: number) => lines.map((l) => `${' '.repeat(n)}${l}`).join('\n');

  return `#!/usr/bin/env python3
"""${pyEscape(model.name ?? 'GraphGrad model')}: exported by GraphGrad.

    python model.py            # self-check: forward and backward in float64 must equal GraphGrad's numbers
    python model.py --train    # train with GraphGrad's optimizer and hyperparameters${data ? '' : ' (needs --data file.csv)'}

Needs PyTorch (pip install torch). Values are float64 throughout, as in GraphGrad.
"""
import argparse
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

LOSS = ${pyStr(lossId)}
INPUTS = [${inputs.map(pyStr).join(', ')}]

# GraphGrad's forward values and reverse-mode gradients at the stored inputs.
EXPECTED_VALUES = {${checkedValues.map((id) => `${pyStr(id)}: ${py(val(id))}`).join(', ')}}
EXPECTED_GRADS = {${[...inputs, ...params.map((p) => p.id)].map((id) => `${pyStr(id)}: ${py(grad(id))}`).join(', ')}}
STORED_INPUTS = {${inputs.map((id) => `${pyStr(id)}: ${py(val(id))}`).join(', ')}}

# The module's attribute names (safe Python identifiers) and the GraphGrad id each holds: a param
# id, or for an nn.Linear the id its layer's weights share ("h" for h/w0_0, h/b0, ...).
ATTRIBUTE_IDS = {${attributeIds.map(([a, id]) => `${pyStr(a)}: ${pyStr(id)}`).join(', ')}}

${HELPERS}


class GraphGradModel(nn.Module):
    def __init__(self):
        super().__init__()
${init.length ? indent(init, 8) : '        pass'}

    def forward(self, inputs):
        """inputs: node id -> tensor (a scalar, or one value per sample). Returns every node's value."""
        v = {}
${indent(forward, 8)}
        return v


def grad_at(tensor, index):
    return None if tensor.grad is None else tensor.grad[index]


def param_grads(model):
    """Gradient of each GraphGrad param id, read from the PyTorch parameters."""
    return {${params.map((p) => `${pyStr(p.id)}: grad_at(${p.tensor}, ${p.index})`).join(', ')}}


def self_check():
    model = GraphGradModel()
    model.eval()  # evaluation mode: dropout passes values through, as GraphGrad evaluates
    inputs = {k: torch.tensor(x, requires_grad=True) for k, x in STORED_INPUTS.items()}
    v = model(inputs)
    v[LOSS].backward()
    for k, want in EXPECTED_VALUES.items():
        got = float(v[k])
        assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12), f"value of {k}: PyTorch {got}, GraphGrad {want}"
    grads = {k: t.grad for k, t in inputs.items()}
    grads.update(param_grads(model))
    for k, want in EXPECTED_GRADS.items():
        got = 0.0 if grads[k] is None else float(grads[k])
        assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12), f"gradient of {k}: PyTorch {got}, GraphGrad {want}"
    print(f"ok: {len(EXPECTED_VALUES)} values and {len(EXPECTED_GRADS)} gradients equal GraphGrad's ({LOSS} = {float(v[LOSS])})")


# Training settings from GraphGrad.
OPTIMIZER = ${pyStr(t.optimizer)}
LR = ${py(t.lr)}
MOMENTUM = ${py(t.momentum)}
BETAS = (${py(t.beta1)}, ${py(t.beta2)})
EPSILON = ${py(t.epsilon)}
L1 = ${py(t.l1)}
L2 = ${py(t.l2)}
BATCH_SIZE = ${t.batchSize}
EPOCHS = ${t.epochs}
SEED = ${t.seed}
${
  data
    ? `DATA = {${Object.entries(data)
        .map(([k, col]) => `${pyStr(k)}: [${col.map(py).join(', ')}]`)
        .join(', ')}}`
    : 'DATA = None'
}


def load_csv(path):
    import csv
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return {k: [float(r[k]) for r in rows] for k in rows[0].keys()}


def train(data):
    torch.manual_seed(SEED)
    model = GraphGradModel()
    model.train()  # training mode: dropout drops (its own masks, not GraphGrad's)
    # L2 as weight decay (the gradient of ½·L2·w²) and L1 as L1·sign(w), on every parameter, as in GraphGrad.
    if OPTIMIZER == "adam":
        opt = torch.optim.Adam(model.parameters(), lr=LR, betas=BETAS, eps=EPSILON, weight_decay=L2)
    else:
        opt = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM if OPTIMIZER == "momentum" else 0.0, weight_decay=L2)
    columns = {k: torch.tensor(data[k]) for k in INPUTS if k in data}
    missing = [k for k in INPUTS if k not in columns]
    if missing:
        raise SystemExit(f"the data has no column for input node(s) {missing}")
    n = len(next(iter(columns.values())))
    for epoch in range(1, EPOCHS + 1):
        order = torch.randperm(n)
        total = 0.0
        for start in range(0, n, BATCH_SIZE):
            idx = order[start:start + BATCH_SIZE]
            v = model({k: c[idx] for k, c in columns.items()})
            loss = v[LOSS].mean()
            opt.zero_grad()
            loss.backward()
            if L1:
                with torch.no_grad():
                    for p in model.parameters():
                        p.grad += L1 * torch.sign(p)
            opt.step()
            total += float(loss) * len(idx)
        if epoch == 1 or epoch % max(1, EPOCHS // 10) == 0 or epoch == EPOCHS:
            print(f"epoch {epoch}: loss {total / n:.6f}")
    return model


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", action="store_true", help="train with GraphGrad's settings")
    ap.add_argument("--data", help="CSV with one column per input node id")
    args = ap.parse_args()
    self_check()
    if args.train:
        data = load_csv(args.data) if args.data else DATA
        if data is None:
            raise SystemExit("no training data: pass --data file.csv with one column per input node id")
        train(data)
`;
}
