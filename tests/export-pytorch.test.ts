// PyTorch export: the script holds GraphGrad's values and gradients for the checks it runs,
// nn.Linear layers with the weights copied, and it parses. Where a Python with PyTorch is found,
// each script also runs: its self-check asserts that PyTorch's forward values and autograd
// gradients equal GraphGrad's, an oracle independent of GraphGrad's code. Without PyTorch (CI)
// those runs are skipped, and the reason is printed.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeGradients, ensureOpsFor, opRegistry, type Model, type ModelEdge, type ModelNode } from '../graph-engine/index.ts';
import { exportPytorch } from '../graph-engine/export/pytorch.ts';
import { dropoutModel, input, model, op } from './support/models.ts';

const dir = new URL('../samples/', import.meta.url);
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Model] as const);
const tmp = mkdtempSync(join(tmpdir(), 'graphgrad-py-'));

/**
 * A Python that imports torch: $PYTHON, else python3 on the PATH, else the system's
 * /usr/bin/python3 (where Debian's python3-torch installs, beside a pyenv or venv python3).
 */
function findTorch(): { python: string } | { why: string } {
  const tried: string[] = [];
  for (const python of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
    if (!python) continue;
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'pipe', timeout: 120_000 });
      return { python };
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      tried.push(`${python}: ${(err.stderr?.toString().trim().split('\n').at(-1) || err.message).slice(0, 120)}`);
    }
  }
  return { why: tried.join('; ') };
}
const torch = findTorch();
const torchPython = 'python' in torch ? torch.python : undefined;
if (!torchPython) console.log(`PyTorch runs of the exported scripts are skipped: no Python here imports torch (${'why' in torch ? torch.why : ''}).`);

/**
 * Runs each script as `python script.py` would (as __main__, no arguments), all in one Python
 * process: importing torch takes seconds, so one import for every script. What each printed, or
 * the error it stopped with.
 */
const RUN_ALL = `
import contextlib, io, json, runpy, sys, traceback
for path in sys.argv[1:]:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            sys.argv = [path]
            runpy.run_path(path, run_name="__main__")
        print(json.dumps({"path": path, "ok": out.getvalue().strip()}))
    except BaseException as e:
        print(json.dumps({"path": path, "error": "".join(traceback.format_exception_only(type(e), e)).strip()}))
`;

/** Scripts to run in PyTorch, by file name; run together the first time a result is asked for. */
const scripts = new Map<string, string>();
let results: Map<string, { ok?: string; error?: string }> | undefined;
function torchResult(name: string): string {
  if (!results) {
    const paths = [...scripts].map(([n, script]) => {
      const path = join(tmp, `${n}.run.py`);
      writeFileSync(path, script);
      return path;
    });
    const out = execFileSync(torchPython!, ['-c', RUN_ALL, ...paths], { encoding: 'utf8', timeout: 600_000 });
    results = new Map(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { path: string; ok?: string; error?: string })
        .map((r) => [r.path, r]),
    );
  }
  const r = results.get(join(tmp, `${name}.run.py`));
  if (!r) throw new Error(`${name} was not run in PyTorch`);
  if (r.error !== undefined) throw new Error(`${name} failed in PyTorch: ${r.error}`);
  return r.ok!;
}
const OK = /^ok: \d+ values and \d+ gradients equal GraphGrad's/;

/** Parses a Python dict literal of "id": number pairs written by the exporter. */
function pyDict(script: string, name: string): Record<string, number> {
  const line = script.split('\n').find((l) => l.startsWith(`${name} = {`))!;
  return JSON.parse(line.slice(name.length + 3).replace(/math\.inf/g, '1e999'));
}

for (const [file, m] of samples) {
  await ensureOpsFor(m);
  scripts.set(file, exportPytorch(m));
}

/** Operands per op: inside its domain, away from kinks and ties (where conventions may differ). */
const OP_ROWS: Record<string, number[][]> = {
  sqrt: [[0.7], [2.5]],
  log: [[0.7], [2.5]],
  div: [
    [0.7, -1.3],
    [2, 0.5],
  ],
  pow: [
    [0.7, -1.3],
    [1.5, 2.5],
  ],
  bce: [
    [0.3, 1],
    [0.8, 0.25],
  ],
  cross_entropy: [
    [0.3, 0.6, 1, 0],
    [0.2, 0.7, 0.25, 0.75],
  ],
};
/** One unit with z > 0 and one with z < 0 on the inputs (0.7, −1.3), so both sides of each activation count. */
const W = [
  [0.5, -0.75],
  [-1.25, 0.3],
];
const LAYER_ACTIVATIONS = ['none', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'step'];
const MACRO_ATTRS: Record<string, Record<string, unknown>[]> = {
  neuron: LAYER_ACTIVATIONS.map((activation) => ({ activation, alpha: 0.2, w: W[1], b: 0.1 })),
  dense: [
    ...LAYER_ACTIVATIONS.map((activation) => ({ units: 2, activation, alpha: 0.2, W, b: [0.1, -0.2] })),
    { units: 2, activation: 'relu', dropout: 0.5, W, b: [0.1, -0.2] },
  ],
  mlp: [
    { sizes: [2, 1], activation: 'tanh', outputActivation: 'sigmoid' },
    { sizes: [2, 1], activation: 'tanh', outputActivation: 'sigmoid', dropout: 0.3 },
  ],
  softmax: [{}],
};
function rowsOf(name: string): number[][] {
  const op = opRegistry.get(name)!;
  if (OP_ROWS[name]) return OP_ROWS[name];
  if (op.macro) return [name === 'softmax' ? [0.7, -1.3, 0.4] : [0.7, -1.3]];
  const a = op.arity;
  const k = a.kind === 'fixed' ? a.ports.length : a.kind === 'variadic' ? (a.multipleOf ? 4 : Math.max(a.min, 3)) : 0;
  return [0.7, -1.3].map((first) => [first, -1.3, 0.4, 0.9].map((x, i) => (i === 0 ? first : x === first ? 1.1 : x)).slice(0, k));
}

/**
 * Every op the exporter writes (a PyTorch rule, or a layer macro with each activation), each on
 * inputs of its own, all summed into the loss: the self-check compares each op's value with
 * PyTorch's, and the gradients of each op's own inputs (and of a layer's weights) are that op's
 * derivatives against PyTorch's autograd.
 */
function everyOpModel(): { model: Model; ops: string[] } {
  const nodes: ModelNode[] = [];
  const edges: ModelEdge[] = [];
  const outs: { id: string; port: number }[] = [];
  const ops = [...opRegistry.values()].filter((op) => op.torch || op.macro).map((op) => op.name);
  for (const name of ops) {
    const op = opRegistry.get(name)!;
    const attrSets = op.macro ? (MACRO_ATTRS[name] ?? []) : op.attrs?.length ? [undefined, { alpha: 0.2 }] : [undefined];
    expect(attrSets.length, `layer macro "${name}" needs attrs in MACRO_ATTRS`).toBeGreaterThan(0);
    attrSets.forEach((attrs, a) =>
      rowsOf(name).forEach((row, r) => {
        const id = `${name}_${a}_${r}`;
        nodes.push({ id, op: name, ...(attrs ? { attrs } : {}) });
        row.forEach((value, port) => {
          nodes.push({ id: `${id}/in${port}`, op: 'input', value });
          edges.push({ source: `${id}/in${port}`, target: id, port });
        });
        const outputs = name === 'dense' ? 2 : name === 'softmax' ? row.length : 1;
        for (let port = 0; port < outputs; port++) outs.push({ id, port });
      }),
    );
  }
  nodes.push({ id: 'L', op: 'sum' });
  outs.forEach(({ id, port }, i) => edges.push({ source: id, ...(port ? { sourcePort: port } : {}), target: 'L', port: i }));
  return { model: { format: 'graphgrad', version: 1, name: 'every op', nodes, edges, loss: 'L', seed: 7 }, ops };
}
const everyOp = everyOpModel();
scripts.set('every-op', exportPytorch(everyOp.model));

/** An mlp with hidden dropout, then a primitive dropout node, into an mse loss. */
const dropoutNet = dropoutModel([3, 1], 0.25, 0.1);
scripts.set('dropout', exportPytorch(dropoutNet));

describe.each(samples)('PyTorch export of samples/%s', (file, m) => {
  it('embeds the values and gradients it asserts, and is valid Python', async () => {
    await ensureOpsFor(m);
    const script = exportPytorch(m);
    const r = computeGradients(m);
    const values = pyDict(script, 'EXPECTED_VALUES');
    const grads = pyDict(script, 'EXPECTED_GRADS');
    expect(values[r.loss]).toBe(r.values[r.loss]);
    for (const [id, v] of Object.entries(values)) expect(v, id).toBe(r.values[id]);
    for (const [id, g] of Object.entries(grads)) expect(g, id).toBe(r.grads[id]);
    const params = m.nodes.filter((n) => n.op === 'param').map((n) => n.id);
    for (const id of params) expect(grads).toHaveProperty([id]);
    expect(script).toContain('torch.set_default_dtype(torch.float64)');
    expect(script).toMatch(/def self_check\(\):[\s\S]*v\[LOSS\]\.backward\(\)/);
    expect(script).toContain('ap.add_argument("--train"');
    const path = join(tmp, file.replace('.json', '.py'));
    writeFileSync(path, script);
    execFileSync('python3', ['-m', 'py_compile', path]);
  });

  it.skipIf(!torchPython)("runs in PyTorch with GraphGrad's values and gradients", () => {
    expect(torchResult(file)).toMatch(OK);
  });
});

describe('PyTorch export of every op', () => {
  it('writes each op the exporter knows into one valid script', () => {
    const script = scripts.get('every-op')!;
    expect(everyOp.ops).toEqual(expect.arrayContaining(['add', 'pow', 'softmax_cross_entropy', 'dense', 'softmax']));
    for (const name of everyOp.ops) expect(script, name).toContain(`"${name}_0_0"`);
    const path = join(tmp, 'every-op.py');
    writeFileSync(path, script);
    execFileSync('python3', ['-m', 'py_compile', path]);
  });

  it.skipIf(!torchPython)("gets PyTorch's values and autograd gradients for every op", () => {
    expect(torchResult('every-op')).toMatch(OK);
  });
});

describe('PyTorch export details', () => {
  it('computes a layer after its inputs, wherever the file lists it and whatever feeds it', () => {
    // The dense layer is listed first and reads c, computed from x: its params (leaves) come first
    // in the engine's order, and the layer used to be written there, before c existed.
    const m = model(
      [op('h', 'dense', { units: 2, activation: 'relu' }), input('x', 0.7), op('c', 'tanh'), op('p', 'softmax'), op('L', 'sum')],
      [
        ['x', 'c', 0],
        ['x', 'h', 0],
        ['c', 'h', 1],
        ['h', 'p', 0],
        ['h', 'p', 1, 1],
        ['p', 'L', 0],
      ],
      'L',
    );
    const body = exportPytorch(m).split('def forward(self, inputs):')[1].split('return v')[0];
    const assigned = new Set<string>();
    for (const line of body.split('\n')) {
      const read = [...line.matchAll(/v\["([^"]+)"\]/g)].map((r) => r[1]);
      const target = /^\s*v\["([^"]+)"\] = /.exec(line)?.[1];
      for (const id of read) if (id !== target) expect(assigned, `${line.trim()} reads ${id} before it is computed`).toContain(id);
      if (target) assigned.add(target);
    }
    expect([...assigned]).toEqual(expect.arrayContaining(['x', 'c', 'h/a0', 'h/a1', 'p/p0', 'L']));
  });

  it("embeds the training rows of the model's own dataset and its optimizer settings", () => {
    const m = samples.find(([f]) => f === 'xor-mlp.json')![1];
    const script = exportPytorch(m);
    expect(script).toContain('DATA = {"x1": [0.0, 0.0, 1.0, 1.0], "x2": [0.0, 1.0, 0.0, 1.0], "y": [0.0, 1.0, 1.0, 0.0]}');
    expect(script).toMatch(/OPTIMIZER = "adam"\nLR = 0\.1\n/);
    expect(script).toContain('opt = torch.optim.Adam(model.parameters(), lr=LR, betas=BETAS, eps=EPSILON, weight_decay=L2)');
  });

  it('writes layer dropout as nn.Dropout and the primitive as F.dropout, checked in evaluation mode and trained in training mode', () => {
    const script = scripts.get('dropout')!;
    const m = dropoutNet;
    expect(script).toContain('self.l_net_l1_dropout = nn.Dropout(p=0.25)');
    expect(script).toContain('out = self.l_net_l1_dropout(out)');
    expect(script).toContain('v["net/l1/d2"] = out[..., 2]');
    expect(script).toContain('v["d"] = F.dropout(v["net/l2/z0"], p=0.1, training=self.training)');
    expect(script).toMatch(/def self_check\(\):\n {4}model = GraphGradModel\(\)\n {4}model\.eval\(\)/);
    expect(script).toMatch(/model = GraphGradModel\(\)\n {4}model\.train\(\)/);
    // In evaluation the values asserted are the engine's, dropout passing them through.
    const r = computeGradients(m);
    expect(pyDict(script, 'EXPECTED_VALUES').d).toBe(r.values['net/l2/z0']);
  });

  it.skipIf(!torchPython)("runs the dropout model in PyTorch in evaluation mode with GraphGrad's values and gradients", () => {
    expect(torchResult('dropout')).toMatch(OK);
  });

  it('writes dense macros as nn.Linear with the weights copied', () => {
    const m: Model = {
      format: 'graphgrad',
      version: 1,
      loss: 'L',
      training: { optimizer: 'adam', lr: 0.01, batchSize: 4, epochs: 50 },
      nodes: [
        { id: 'x1', op: 'input', value: 0.5 },
        { id: 'x2', op: 'input', value: -1 },
        { id: 'y', op: 'input', value: 1 },
        {
          id: 'h',
          op: 'dense',
          attrs: {
            units: 2,
            activation: 'relu',
            W: [
              [0.5, -0.25],
              [1, 2],
            ],
            b: [0.1, -0.2],
          },
        },
        { id: 'L', op: 'mse' },
      ],
      edges: [
        { source: 'x1', target: 'h', port: 0 },
        { source: 'x2', target: 'h', port: 1 },
        { source: 'h', sourcePort: 1, target: 'L', port: 0 },
        { source: 'y', target: 'L', port: 1 },
      ],
    };
    const script = exportPytorch(m);
    expect(script).toContain('self.l_h = nn.Linear(2, 2)  # dense "h", layer 1');
    expect(script).toContain('self.l_h.weight.copy_(torch.tensor([[0.5, -0.25], [1.0, 2.0]]))');
    expect(script).toContain('self.l_h.bias.copy_(torch.tensor([0.1, -0.2]))');
    expect(script).toContain('out = torch.relu(self.l_h(torch.stack([v["x1"], v["x2"]], -1)))');
    expect(script).toContain('"h/w1_0": grad_at(model.l_h.weight, (1, 0))');
    expect(script).toContain('ATTRIBUTE_IDS = {"l_h": "h"}');
    expect(script).toMatch(/OPTIMIZER = "adam"\nLR = 0\.01\n/);
    expect(script).toMatch(/BATCH_SIZE = 4\nEPOCHS = 50\n/);
  });
});
