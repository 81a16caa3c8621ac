/**
 * The editor at scale (issue 15, §5), each case beside a small baseline measured in the same run:
 *
 * - Expanding every layer of a sample as a user does (select the card, the inspector's Expand),
 *   from the click to the fitted view painted: xor-mlp (25 nodes expanded) and digits-mlp (2,511).
 *   Then frame times panning and zooming the fitted view, panning zoomed in to about 80%, and the
 *   latency of an edit: from a key typed into an input's Value field to the frame painted with
 *   the new value on the product card it feeds and the new gradient on that product's weight.
 * - A generated 10,000-node graph (a grid of `mean` nodes) opened from a file, beside 10 nodes.
 *
 * Run alone with `BENCH_ONLY=scale npm run bench:ui`.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { parseModelText, serializeModel, type Model } from '../../graph-engine/index.ts';
import { expandMacro } from '../../src/store/macroEdits.ts';
import { gridModel } from '../support/models.ts';
import { measureOpenFile, pan, viewportZoom, waitPainted, zoomInAndOut, type FrameStats } from './ui-frames.ts';

const sampleModel = (name: string): Model => {
  const parsed = parseModelText(readFileSync(new URL(`../../samples/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.model) throw new Error(`samples/${name}.json: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.model;
};

/** The model after expanding `layers` in order, as the editor's Expand does (the same function). */
function expanded(model: Model, layers: readonly string[]): Model {
  let m = model;
  for (const id of layers) {
    const r = expandMacro(m, id);
    if (!r.model) throw new Error(`expand ${id}: ${r.problem}`);
    m = r.model;
  }
  return m;
}

/** The flow transform: translate(x, y) scale(zoom). */
async function transform(page: Page): Promise<[number, number, number]> {
  const t = (await page.evaluate(`document.querySelector('.react-flow__viewport').style.transform`)) as string;
  return /translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(t)!.slice(1).map(Number) as [number, number, number];
}

/** Where node `id` (its model position plus `at`) is on the page. */
async function screenOf(page: Page, model: Model, id: string, at = { x: 40, y: 12 }): Promise<{ x: number; y: number }> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const [tx, ty, zoom] = await transform(page);
  const p = model.nodes.find((n) => n.id === id)!.position ?? { x: 0, y: 0 };
  return { x: pane.x + tx + (p.x + at.x) * zoom, y: pane.y + ty + (p.y + at.y) * zoom };
}

/** Selects card `id` by clicking it (pointing first: the overview of a large graph mounts only the card under the pointer). */
async function selectCard(page: Page, model: Model, id: string): Promise<void> {
  const p = await screenOf(page, model, id);
  await page.mouse.move(p.x, p.y);
  const card = page.locator(`.react-flow__node[data-id="${id}"]`);
  await card.waitFor();
  await card.click();
  await page.locator('.react-flow__node.selected').first().waitFor();
}

/** Notes the time of the next pointer-down (or key-down) in the page. */
async function armLatency(page: Page, event: 'pointerdown' | 'keydown'): Promise<void> {
  await page.evaluate(`(() => {
    window.__t0 = undefined;
    window.addEventListener('${event}', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
  })()`);
}

/** Milliseconds from the armed event to the frame after `done` (page script) holds, polled each frame. */
async function latencyUntil(page: Page, done: string): Promise<number> {
  return (await page.evaluate(
    `new Promise((resolve) => {
      const tick = () => {
        if (window.__t0 === undefined || !(${done})) return requestAnimationFrame(tick);
        // The frame after the one whose DOM shows it: that one has been painted.
        requestAnimationFrame(() => resolve(performance.now() - window.__t0));
      };
      tick();
    })`,
  )) as number;
}

/**
 * Pans (dragging the view from a point no card covers) until node `id` is near the pane's centre.
 * Cards drawn on the canvas are not elements, so the blank point is found from the model.
 */
async function bringToCentre(page: Page, model: Model, id: string): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  for (let i = 0; i < 20; i++) {
    const p = await screenOf(page, model, id);
    const d = { x: centre.x - p.x, y: centre.y - p.y };
    if (Math.hypot(d.x, d.y) < 40) return;
    const step = { x: Math.max(-400, Math.min(400, d.x)), y: Math.max(-300, Math.min(300, d.y)) };
    const [tx, ty, zoom] = await transform(page);
    const inside = (x: number, y: number) => x > pane.x + 20 && x < pane.x + pane.width - 20 && y > pane.y + 20 && y < pane.y + pane.height - 20;
    const covered = (x: number, y: number) =>
      !inside(x, y) ||
      model.nodes.some((n) => {
        const q = n.position ?? { x: 0, y: 0 };
        const fx = (x - pane.x - tx) / zoom;
        const fy = (y - pane.y - ty) / zoom;
        return fx > q.x - 30 && fx < q.x + 250 && fy > q.y - 30 && fy < q.y + 200;
      });
    let start: { x: number; y: number } | undefined;
    for (let y = pane.y; !start && y <= pane.y + pane.height; y += 25)
      for (let x = pane.x; !start && x <= pane.x + pane.width; x += 25) if (!covered(x, y) && !covered(x + step.x, y + step.y)) start = { x, y };
    if (!start) throw new Error(`no blank point to pan from towards ${id}`);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + step.x, start.y + step.y, { steps: 8 });
    await page.mouse.up();
  }
}

/** Wheel-zooms about point `p` until the zoom is at least `target`. */
async function zoomInAt(page: Page, p: { x: number; y: number }, target: number): Promise<number> {
  await page.mouse.move(p.x, p.y);
  for (let i = 0; i < 80 && (await viewportZoom(page)) < target; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(30);
  }
  return viewportZoom(page);
}

const title = (id: string, cls: string) => `document.querySelector('.react-flow__node[data-id="${id}"] .${cls}')?.title`;

interface ExpandFigures {
  name: string;
  nodes: number;
  edges: number;
  /** Click on Expand to fitted view painted, per layer in order. */
  expandMs: number[];
  fitZoom: number;
  pan: FrameStats;
  zoom: FrameStats;
  nearZoom: number;
  panNear: FrameStats;
  /** Key typed into the Value field to the frame painted with the new numbers, per edit. */
  editMs: number[];
}

/**
 * Opens sample `name` from a file, expands `layers` in order from the inspector, then measures
 * panning and zooming, and editing input `input`, whose product with weight `weight` is `product`.
 */
async function measureExpand(
  browser: Browser,
  url: string,
  dir: string,
  name: string,
  layers: readonly string[],
  edit: { input: string; weight: string; product: string },
): Promise<ExpandFigures> {
  const collapsed = sampleModel(name);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, serializeModel(collapsed));
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  await page.locator('input[type=file]').first().setInputFiles(file);
  await waitPainted(page, collapsed);
  const expandMs: number[] = [];
  for (let i = 0; i < layers.length; i++) {
    const before = expanded(collapsed, layers.slice(0, i));
    const after = expanded(collapsed, layers.slice(0, i + 1));
    await selectCard(page, before, layers[i]);
    await armLatency(page, 'pointerdown');
    await page.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitPainted(page, after);
    expandMs.push((await page.evaluate('performance.now() - window.__t0')) as number);
  }
  const model = expanded(collapsed, layers);
  const fitZoom = await viewportZoom(page);
  const panFit = await pan(page);
  const zoom = await zoomInAndOut(page);

  // Zoomed in on the input, to select it; then on its product and weight, whose cards show the numbers.
  await bringToCentre(page, model, edit.input);
  const p = await screenOf(page, model, edit.input);
  const nearZoom = await zoomInAt(page, p, 0.8);
  await selectCard(page, model, edit.input);
  await bringToCentre(page, model, edit.product);
  const field = page.getByLabel('Value', { exact: true });
  const w = model.nodes.find((n) => n.id === edit.weight)!.value!;
  const editMs: number[] = [];
  for (const v of [7, 3, 5, 2, 9, 4]) {
    await field.click();
    await field.selectText();
    const oldGrad = (await page.evaluate(title(edit.weight, 'op-node__grad'))) as string | undefined;
    await armLatency(page, 'keydown');
    await page.keyboard.press(String(v));
    // The product's value is exactly w·x; the weight's gradient (x times the product's) changes.
    const want = `= ${w * v}`;
    editMs.push(
      await latencyUntil(
        page,
        `(${title(edit.product, 'op-node__value')} ?? '').endsWith(${JSON.stringify(want)}) && ${title(edit.weight, 'op-node__grad')} !== ${JSON.stringify(oldGrad ?? null)}`,
      ),
    );
  }
  const panNear = await pan(page);
  await context.close();
  return { name, nodes: model.nodes.length, edges: model.edges.length, expandMs, fitZoom, pan: panFit, zoom, nearZoom, panNear, editMs };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

/** Runs the scale cases against the app served at each of `urls` (label → URL) and prints the tables. */
export async function benchScale(browser: Browser, urls: Readonly<Record<string, string>>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graphgrad-bench-scale-'));
  const loadBefore = load();
  const expands: (ExpandFigures & { app: string })[] = [];
  const opened: (Awaited<ReturnType<typeof measureOpenFile>> & { app: string })[] = [];
  try {
    for (const [app, url] of Object.entries(urls)) {
      expands.push({ app, ...(await measureExpand(browser, url, dir, 'xor-mlp', ['out', 'h'], { input: 'x2', weight: 'h/w0_1', product: 'h/m0_1' })) });
      expands.push({ app, ...(await measureExpand(browser, url, dir, 'digits-mlp', ['logits', 'h'], { input: 'p0', weight: 'h/w0_0', product: 'h/m0_0' })) });
      for (const model of [
        { ...gridModel(3, 3), name: 'grid' },
        { ...gridModel(50, 200), name: 'grid' },
      ])
        opened.push({ app, ...(await measureOpenFile(browser, url, model, dir)) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = load();
  const several = Object.keys(urls).length > 1;
  const head = (r: { app: string; name: string; nodes: number; edges: number }) =>
    `${several ? `${r.app}: ` : ''}${r.name}, ${r.nodes} nodes, ${r.edges} edges`;
  const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
  const frames = (s: FrameStats) => `${s.mean.toFixed(1)} ms (${s.fps.toFixed(0)} fps), p95 ${s.p95.toFixed(0)} ms`;
  const pct = (z: number) => `${Math.round(z * 100)}%`;
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
  const table = <R>(title: string, rows: readonly R[], header: (r: R) => string, lines: [string, (r: R) => string][]) => {
    console.log(`\n${title}\n`);
    console.log(`| | ${rows.map(header).join(' | ')} |`);
    console.log(`|---|${rows.map(() => '---|').join('')}`);
    for (const [name, get] of lines) console.log(`| ${name} | ${rows.map(get).join(' | ')} |`);
  };
  console.log(`\nScale cases (issue 15 §5); load average ${loadBefore} before, ${loadAfter} after (${execSync('nproc').toString().trim()} cores)`);
  table('Every layer expanded from the inspector (baseline xor-mlp first)', expands, head, [
    ['Expand, click to fitted view painted (per layer)', (r) => r.expandMs.map(ms).join(' + ')],
    ['pan, fitted view', (r) => `${frames(r.pan)} at ${pct(r.fitZoom)}`],
    ['zoom in and out from the fitted view', (r) => frames(r.zoom)],
    ['pan, zoomed in', (r) => `${frames(r.panNear)} at ${pct(r.nearZoom)}`],
    ['edit an input: key to new value and gradient painted, median (max)', (r) => `${ms(median(r.editMs))} (${ms(Math.max(...r.editMs))})`],
  ]);
  table('Generated graphs opened from a file (baseline 10 nodes first)', opened, head, [
    ['open, file handed over to fitted view painted', (r) => ms(r.openMs)],
    ['pan, fitted view', (r) => `${frames(r.pan)} at ${pct(r.fitZoom)}`],
    ['zoom in and out from the fitted view', (r) => frames(r.zoom)],
  ]);
  const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');
  console.log('\nTargets:');
  for (const r of expands.filter((e) => e.nodes > 1000)) {
    const total = r.expandMs.reduce((s, x) => s + x, 0);
    console.log(
      `- ${head(r)}: expand all ${ms(total)} (< 3 s) ${verdict(total < 3000)}; pan ${r.pan.fps.toFixed(0)} / zoom ${r.zoom.fps.toFixed(0)} / pan in ${r.panNear.fps.toFixed(0)} fps (>= 50) ${verdict(Math.min(r.pan.fps, r.zoom.fps, r.panNear.fps) >= 50)}; edit ${ms(median(r.editMs))} (< 100 ms) ${verdict(median(r.editMs) < 100)}`,
    );
  }
  for (const r of opened.filter((o) => o.nodes > 5000))
    console.log(`- ${head(r)}: open ${ms(r.openMs)} (< 6 s) ${verdict(r.openMs < 6000)}; pan ${r.pan.fps.toFixed(0)} fps (>= 50) ${verdict(r.pan.fps >= 50)}`);
}
