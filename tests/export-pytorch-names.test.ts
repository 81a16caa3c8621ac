// PyTorch export with hostile node ids and model names: every script must parse as Python, name
// its parameters and layers with safe identifiers, and keep every original id exactly (read back
// with Python's own ast.literal_eval, not with our parser).
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph, ensureDataset, type Model } from '../graph-engine/index.ts';
import { exportPytorch } from '../graph-engine/export/pytorch.ts';
import { HOSTILE_IDS, hostileRename, loadSamples, UNENCODABLE_IDS } from './support/hostile.ts';

const tmp = mkdtempSync(join(tmpdir(), 'graphgrad-py-names-'));

/** Reads a generated script with Python's ast: its constants, the module's attributes, forward()'s keys. */
const READER = `
import ast, json, keyword, sys
tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
out = {"doc": ast.get_docstring(tree, clean=False), "attributes": [], "forward": []}
for node in tree.body:
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
        name = node.targets[0].id
        if name in ("ATTRIBUTE_IDS", "LOSS", "INPUTS"):
            out[name] = ast.literal_eval(node.value)
        elif name in ("EXPECTED_VALUES", "EXPECTED_GRADS", "STORED_INPUTS", "DATA") and isinstance(node.value, ast.Dict):
            out[name] = [ast.literal_eval(k) for k in node.value.keys]
    if isinstance(node, ast.ClassDef) and node.name == "GraphGradModel":
        for f in node.body:
            if not isinstance(f, ast.FunctionDef):
                continue
            for st in ast.walk(f):
                if isinstance(st, ast.Assign):
                    for t in st.targets:
                        if f.name == "__init__" and isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                            out["attributes"].append(t.attr)
                        if f.name == "forward" and isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id == "v":
                            out["forward"].append(ast.literal_eval(t.slice))
out["bad_attributes"] = [a for a in out["attributes"] if keyword.iskeyword(a) or not a.isidentifier() or not a.isascii()]
print(json.dumps(out))
`;

interface Read {
  doc: string;
  ATTRIBUTE_IDS: Record<string, string>;
  LOSS: string;
  INPUTS: string[];
  EXPECTED_VALUES: string[];
  EXPECTED_GRADS: string[];
  STORED_INPUTS: string[];
  DATA?: string[];
  attributes: string[];
  forward: string[];
  bad_attributes: string[];
}

function exportAndRead(m: Model, file: string): Read {
  const script = exportPytorch(m);
  const path = join(tmp, file);
  writeFileSync(path, script);
  execFileSync('python3', ['-c', 'import ast,sys; ast.parse(open(sys.argv[1], encoding="utf-8").read())', path]);
  execFileSync('python3', ['-m', 'py_compile', path]);
  return JSON.parse(execFileSync('python3', ['-c', READER, path], { encoding: 'utf8' })) as Read;
}

function checkIds(m: Model, r: Read): void {
  const ids = m.nodes.map((n) => n.id);
  const ofOp = (op: string) => m.nodes.filter((n) => n.op === op).map((n) => n.id);
  const layers = m.nodes.filter((n) => ['dense', 'neuron', 'mlp', 'softmax'].includes(n.op)).map((n) => n.id);
  expect(r.doc.startsWith(`${m.name}: exported by GraphGrad.`)).toBe(true);
  expect(r.LOSS).toBe(m.loss);
  expect(r.INPUTS).toEqual(ofOp('input'));
  expect(r.STORED_INPUTS).toEqual(ofOp('input'));
  // Every node that is not a layer gets its value under its own id, and the self-check reads them all.
  expect(new Set(r.forward)).toEqual(new Set([...r.EXPECTED_VALUES]));
  for (const id of ids) if (!layers.includes(id)) expect(r.forward, JSON.stringify(id)).toContain(id);
  for (const id of [...ofOp('param'), ...ofOp('input')]) expect(r.EXPECTED_GRADS, JSON.stringify(id)).toContain(id);
  // Attributes: safe identifiers (not keywords, not nn.Module's own names), unique, each mapped back to its id.
  expect(r.bad_attributes).toEqual([]);
  expect(new Set(r.attributes).size).toBe(r.attributes.length);
  const attrs = [...new Set(r.attributes)];
  expect(Object.keys(r.ATTRIBUTE_IDS).sort()).toEqual(attrs.sort());
  for (const a of attrs) expect(a).toMatch(/^[pl]_[A-Za-z0-9_]*$/);
  const mapped = Object.values(r.ATTRIBUTE_IDS);
  for (const id of ofOp('param')) expect(mapped, JSON.stringify(id)).toContain(id);
  // A layer's attribute maps to the prefix its weights share: the macro id, or macro id/l<k> in an mlp.
  const expanded = new Set(buildGraph(m).nodes.map((n) => n.id));
  for (const [a, id] of Object.entries(r.ATTRIBUTE_IDS)) {
    if (a.startsWith('l_'))
      expect(
        [...expanded].some((e) => e.startsWith(`${id}/`)),
        JSON.stringify(id),
      ).toBe(true);
    else expect(ids).toContain(id);
  }
  // The embedded training rows: one column per input, under the input's id ("__proto__" included).
  if (m.training?.dataset) expect(r.DATA).toEqual(ofOp('input'));
}

const pool = [...HOSTILE_IDS, ...UNENCODABLE_IDS];

describe.each(loadSamples())('PyTorch export of samples/%s with hostile ids and name', (file, sample) => {
  beforeAll(() => ensureDataset(sample.training?.dataset)); // the CLI and the app load it so too
  it('parses, names attributes safely, and maps every id back exactly', () => {
    for (const shift of [0, 31]) {
      const m = hostileRename(sample, shift, pool);
      checkIds(m, exportAndRead(m, `${file}-${shift}.py`));
    }
  });
});

describe('PyTorch names', () => {
  const one = (paramId: string, name: string): Model => ({
    format: 'graphgrad',
    version: 1,
    name,
    loss: 'L',
    nodes: [
      { id: 'x', op: 'input', value: 2 },
      { id: paramId, op: 'param', value: 3 },
      { id: 'L', op: 'mul' },
    ],
    edges: [
      { source: 'x', target: 'L', port: 0 },
      { source: paramId, target: 'L', port: 1 },
    ],
  });
  it('a model name with \\N{...}, quotes and a newline lands in the docstring intact (it was a SyntaxError)', () => {
    const name = 'Café \\N{BULLET} """ends"""\nwith \\';
    const r = exportAndRead(one('w', name), 'docstring.py');
    expect(r.doc.startsWith(`${name}: exported by GraphGrad.`)).toBe(true);
  });
  it.each(['class', 'None', 'forward', '__class__', 'training', 'parameters', 'w-1', 'w 1', 'w_1'])('param id %j', (id) => {
    const m = one(id, 'm');
    const r = exportAndRead(m, `param-${encodeURIComponent(id)}.py`);
    checkIds(m, r);
    expect(Object.values(r.ATTRIBUTE_IDS)).toEqual([id]);
  });
});
