// PyTorch export, tested structurally (CI has no PyTorch): the script holds GraphGrad's values
// and gradients for the checks it runs, nn.Linear layers with the weights copied, and it parses.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeGradients, ensureOpsFor, type Model } from '../graph-engine/index.ts';
import { exportPytorch } from '../graph-engine/export/pytorch.ts';

const dir = new URL('../samples/', import.meta.url);
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Model] as const);
const tmp = mkdtempSync(join(tmpdir(), 'graphgrad-py-'));

/** Parses a Python dict literal of "id": number pairs written by the exporter. */
function pyDict(script: string, name: string): Record<string, number> {
  const line = script.split('\n').find((l) => l.startsWith(`${name} = {`))!;
  return JSON.parse(line.slice(name.length + 3).replace(/math\.inf/g, '1e999'));
}

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
});

describe('PyTorch export details', () => {
  it("embeds the training rows of the model's own dataset and its optimizer settings", () => {
    const m = samples.find(([f]) => f === 'xor-mlp.json')![1];
    const script = exportPytorch(m);
    expect(script).toContain('DATA = {"x1": [0.0, 0.0, 1.0, 1.0], "x2": [0.0, 1.0, 0.0, 1.0], "y": [0.0, 1.0, 1.0, 0.0]}');
    expect(script).toMatch(/OPTIMIZER = "adam"\nLR = 0\.1\n/);
    expect(script).toContain('opt = torch.optim.Adam(model.parameters(), lr=LR, betas=BETAS, eps=EPSILON, weight_decay=L2)');
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
