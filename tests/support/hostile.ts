/**
 * Models with hostile node ids and names, built from the samples by renaming: what an exporter
 * must survive. Each id stays unique; labels keep the old ids so datasets still bind by label.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { initMacroParams, type Model } from '../../graph-engine/index.ts';

/** Ids that collide with generated names, break quoting, or shadow JS / Python / PyTorch names. */
export const HOSTILE_IDS: readonly string[] = [
  'h/Z',
  'h/W',
  'h/A',
  'h/x/stacked',
  'h/x/axes1',
  'const_1',
  'const_0',
  'L/sum',
  'x#1',
  'with space',
  ' padded ',
  'ünïcödé λ',
  'emoji 😀 𝔘 (non-BMP)',
  'quote"d',
  "single'quote",
  '"""triple',
  'back\\slash \\N{BULLET} \\u0041 \\x41 \\',
  'new\nline\ttab\rcr\fff\vvt',
  'bidi \u202e override \u2028 ls',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'class',
  'None',
  'True',
  'lambda',
  'def',
  'import',
  'match',
  '_',
  '0starts_with_digit',
  'forward',
  '__class__',
  '__init__',
  'training',
  'parameters',
  'train',
  'eval',
  'to',
  'type',
  'float',
  'cuda',
  'apply',
  'compile',
  '_parameters',
  '_modules',
  'self',
  'v',
  'inputs',
  'math',
  'torch',
  'nn',
  'F',
  'out',
  'model',
  'LOSS',
  'INPUTS',
  'grad_at',
  `long ${'x'.repeat(3000)}`,
];

/** Ids that are valid JSON strings but no UTF-8 name can hold: a NUL (C strings end there), an unpaired surrogate. */
export const UNENCODABLE_IDS: readonly string[] = ['nul\u0000byte', 'lone \ud800 surrogate'];

const LAYERS = ['dense', 'neuron', 'mlp', 'softmax'];

/** The model with every node id replaced by rename(id, index); edges, loss and training.bind follow, values stay. */
function renameIds(original: Model, rename: (id: string, i: number) => string): Model {
  // Layer weights drawn from the seed depend on the layer's id: store them first, so the renamed
  // model computes exactly what the sample does.
  const m = initMacroParams(original);
  const map = new Map(m.nodes.map((n, i) => [n.id, rename(n.id, i)]));
  const to = (id: string) => map.get(id) ?? id;
  const out: Model = {
    ...m,
    nodes: m.nodes.map((n) => ({ ...n, id: to(n.id), label: n.label ?? n.id })),
    edges: m.edges.map((e) => ({ ...e, source: to(e.source), target: to(e.target) })),
  };
  if (m.loss !== undefined) out.loss = to(m.loss);
  const training = m.training;
  if (training?.bind) out.training = { ...training, bind: Object.fromEntries(Object.entries(training.bind).map(([k, v]) => [to(k), v])) };
  // An input bound to its column by its id, with a label of its own ("sepal length" for the column
  // sepal_length): once renamed, neither id nor label names the column, so bind it explicitly.
  const byId = m.nodes.filter((n) => n.op === 'input' && n.label !== undefined && n.label !== n.id && !training?.bind?.[n.id]);
  if (training?.dataset && byId.length)
    out.training = { ...out.training, bind: { ...(out.training?.bind as Record<string, string>), ...Object.fromEntries(byId.map((n) => [to(n.id), n.id])) } };
  return out;
}

/**
 * Every node renamed to a hostile id: the first layer macro (if any) becomes "h", so "h/Z", "h/W",
 * ... collide with the names an exporter would make up for it; ids past the list get a suffix.
 */
export function hostileRename(m: Model, shift = 0, pool: readonly string[] = HOSTILE_IDS): Model {
  const macro = m.nodes.findIndex((n) => LAYERS.includes(n.op));
  let next = shift;
  return {
    ...renameIds(m, (_id, i) => {
      if (i === macro) return 'h';
      const k = next++;
      const base = pool[k % pool.length];
      return k < pool.length ? base : `${base} ${Math.floor(k / pool.length)}`;
    }),
    name: 'hostile """ \\N{BULLET} \\ name\n"with" \'quotes\' 😀 \u0000 \ud800',
  };
}

/**
 * Every node but the layer macros renamed to one of `names` (in order) while they last: with the
 * names an export generates for those layers, each node takes a name the layer's export wants.
 */
export function renameTo(m: Model, names: readonly string[]): Model {
  let k = 0;
  return renameIds(m, (id, i) => (LAYERS.includes(m.nodes[i].op) ? id : (names[k++] ?? id)));
}

export function loadSamples(): (readonly [string, Model])[] {
  const dir = new URL('../../samples/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Model] as const);
}
