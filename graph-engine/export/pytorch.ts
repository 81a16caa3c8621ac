/**
 * Export a model as a standalone PyTorch script: the graph as an nn.Module (layer macros as
 * nn.Linear with the weights copied, primitives as torch functions from the op registry), the loss,
 * a self-check that runs forward and backward in float64 and asserts GraphGrad's own values and
 * gradients (embedded in the script), and a training loop behind --train.
 */
import type { Model } from '../model.ts';
import { getOp } from '../ops/registry.ts';
import { Session } from '../session.ts';
import { ModelError } from '../model.ts';
import { createTrainer } from '../train/create.ts';
import { resolveSettings, type TrainSettings } from '../train/settings.ts';
import { ExportError } from './onnx.ts';
import { exportPlan, layerName, type ExportStep } from './plan.ts';

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
  let trainer;
  try {
    trainer = createTrainer(model, { overrides });
  } catch {
    return undefined; // no dataset named, or it does not bind: the script then asks for --data
  }
  const rows = [...trainer.split.train];
  if (rows.length * trainer.bindings.length > MAX_EMBEDDED_NUMBERS) return undefined;
  const data: Record<string, number[]> = {};
  for (const b of trainer.bindings) data[trainer.graph.nodes[b.node].id] = rows.map((r) => trainer.dataset.data[b.column][r]);
  return data;
}

const py = (v: number) => (Number.isFinite(v) ? (Number.isInteger(v) ? `${v}.0` : String(v)) : v > 0 ? 'math.inf' : v < 0 ? '-math.inf' : 'math.nan');
const pyStr = (s: string) => JSON.stringify(s);
/** A Python identifier for a node id ("h1/w0_1" -> "h1_w0_1"), made unique by the caller. */
const ident = (id: string) => {
  const s = id.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(s) ? `n_${s}` : s;
};

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

  const used = new Set<string>();
  const attrName = (id: string) => {
    let name = ident(id);
    while (used.has(name)) name += '_';
    used.add(name);
    return name;
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
          forward.push(`v[${pyStr(node.id)}] = inputs[${pyStr(node.id)}]`);
        } else if (node.op.name === 'param') {
          const a = attrName(node.id);
          init.push(`self.${a} = nn.Parameter(torch.tensor(${py(node.value)}))`);
          forward.push(`v[${pyStr(node.id)}] = self.${a}`);
          params.push({ id: node.id, tensor: `model.${a}`, index: '()' });
        } else {
          forward.push(`v[${pyStr(node.id)}] = torch.tensor(${py(node.value)})`);
        }
        return;
      }
      case 'op': {
        const { node } = step;
        const torch = getOp(node.op.name)?.torch;
        if (!torch) throw new ExportError(`Node ${JSON.stringify(node.id)} (${node.op.name}) has no PyTorch equivalent, so the model cannot be exported to PyTorch.`);
        forward.push(`v[${pyStr(node.id)}] = ${torch(step.inputs.map((i) => `v[${pyStr(i)}]`), node.attrs)}`);
        return;
      }
      case 'layer': {
        const { layer } = step;
        const a = attrName(layerName(layer));
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
        layer.out.forEach((o, j) => forward.push(`v[${pyStr(o)}] = out[..., ${j}]`));
        layer.W.forEach((row, j) => row.forEach((id, i) => params.push({ id, tensor: `model.${a}.weight`, index: `(${j}, ${i})` })));
        layer.b.forEach((id, j) => params.push({ id, tensor: `model.${a}.bias`, index: `(${j},)` }));
        return;
      }
      case 'softmax': {
        forward.push(`out = torch.softmax(torch.stack([${step.inputs.map((i) => `v[${pyStr(i)}]`).join(', ')}], -1), -1)  # softmax ${pyStr(step.macro.id)}`);
        step.macro.outputs.forEach((o, j) => forward.push(`v[${pyStr(o)}] = out[..., ${j}]`));
      }
    }
  }

  const lossId = graph.nodes[graph.loss].id;
  const checkedValues = [...new Set(forward.map((l) => /^v\[("(?:[^"\\]|\\.)*")\] =/.exec(l)?.[1]).filter((x): x is string => !!x))].map((q) => JSON.parse(q) as string);
  const { settings: t, problems } = resolveSettings(model, options.training);
  if (!t) throw new ModelError(problems);
  const data = options.data ?? builtInTrainingData(model, options.training);
  const indent = (lines: string[], n: number) => lines.map((l) => `${' '.repeat(n)}${l}`).join('\n');

  return `#!/usr/bin/env python3
"""${(model.name ?? 'GraphGrad model').replace(/"""/g, "'''")}: exported by GraphGrad.

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
${data ? `DATA = {${Object.entries(data).map(([k, col]) => `${pyStr(k)}: [${col.map(py).join(', ')}]`).join(', ')}}` : 'DATA = None'}


def load_csv(path):
    import csv
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return {k: [float(r[k]) for r in rows] for k in rows[0].keys()}


def train(data):
    torch.manual_seed(SEED)
    model = GraphGradModel()
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
