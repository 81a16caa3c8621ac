/**
 * UI benchmark: builds the app, serves it, and in headless Chromium measures for a small
 * baseline graph and a 1,000-node graph: time to open (navigation to a fitted, painted canvas),
 * and frame times (requestAnimationFrame sampling) while panning, zooming and dragging a node.
 * Then, beside the same baseline, graphs of 10,000 and 20,000 nodes opened through the toolbar's
 * Open file input (too large for the autosave that the first measurement opens them from).
 *
 * Then the scale cases of ui-scale.ts (expanded digits-mlp, a 10,000-node graph).
 *
 *   npm run bench:ui                     (then Train mode's benchmarks)
 *   BENCH_ONLY=scale npm run bench:ui    (the scale cases only)
 */
import { CHROMIUM, withBuiltApp, withServedDist } from './serve.ts';
import { benchScale } from './ui-scale.ts';
import { chromium, type Browser, type Page } from '@playwright/test';
import { measureOpenFile, pan, sampleFrames, viewportZoom, waitPainted, zoomInAndOut, zoomTo, type FrameStats } from './ui-frames.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeModel, type Model } from '../../graph-engine/index.ts';
import { expandedMlpModel, gridModel } from '../support/models.ts';

/** Moves the pointer onto the header of the card nearest the pane's centre (from its model position), and waits for it to mount. */
async function pointAtCard(page: Page, model: Model): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const t = (await page.evaluate(`document.querySelector('.react-flow__viewport').style.transform`)) as string;
  const [tx, ty, zoom] = /translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(t)!.slice(1).map(Number);
  const screen = (n: Model['nodes'][number]) => ({ x: pane.x + tx + ((n.position?.x ?? 0) + 40) * zoom, y: pane.y + ty + ((n.position?.y ?? 0) + 12) * zoom });
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const d = (n: Model['nodes'][number]) => Math.hypot(screen(n).x - centre.x, screen(n).y - centre.y);
  const nearest = model.nodes.reduce((a, b) => (d(b) < d(a) ? b : a));
  await page.mouse.move(screen(nearest).x, screen(nearest).y);
  await page.locator('.react-flow__node-op').first().waitFor({ timeout: 10_000 });
}

async function measure(browser: Browser, url: string, model: Model) {
  const text = serializeModel(model);
  // A fresh context whose storage holds the graph as the editor's autosave, before the app starts.
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  await context.addInitScript((t) => {
    if (!sessionStorage.getItem('bench-seeded')) {
      localStorage.setItem('graphgrad.autosave', t);
      sessionStorage.setItem('bench-seeded', '1');
    }
  }, text);
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await waitPainted(page, model);
  const openMs = Date.now() - t0;
  const rendered = await page.locator('.react-flow__node').count();

  const fitZoom = await viewportZoom(page);
  const panFit = await pan(page);
  const zoom = await zoomInAndOut(page);
  const node = page.locator('.react-flow__node-op').first();
  // Above 1,000 nodes the overview mounts no card but the one under the pointer: point at one.
  if (!(await node.count())) await pointAtCard(page, model);
  const box = (await node.boundingBox())!;
  const drag = await sampleFrames(page, async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + box.width / 2 + i * 2, box.y + box.height / 2 + i);
    await page.mouse.up();
  });
  // Closer in, the cards show their text again (see Canvas.tsx: the levels of detail).
  const mid = await zoomTo(page, 0.45);
  const panMid = await pan(page);
  const near = await zoomTo(page, 1);
  const panNear = await pan(page);
  // From close in back to the whole graph: the cards and edges coming into view mount on the way.
  const zoomOut = await sampleFrames(page, async () => {
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, 100);
      await page.waitForTimeout(16);
    }
  });
  const outTo = await viewportZoom(page);
  await context.close();
  return {
    name: model.name ?? '',
    nodes: model.nodes.length,
    edges: model.edges.length,
    rendered,
    openMs,
    fitZoom,
    pan: panFit,
    mid,
    panMid,
    near,
    panNear,
    zoom,
    zoomOut,
    outTo,
    drag,
  };
}

/** The editor's cases: open, pan, zoom and drag on the baseline and graphs of 1,000 to 20,000 nodes. */
async function benchEditor(browser: Browser, url: string) {
  const rows: Awaited<ReturnType<typeof measure>>[] = [];
  // The baseline, a 1,000-node grid, and a 1,000-node MLP expanded in place (its layer frame,
  // fan-in of 15 per sum and long edges across layers).
  const graphs = [
    { ...gridModel(3, 3), name: 'small grid' },
    { ...gridModel(40, 25), name: 'grid' },
    { ...expandedMlpModel(15), name: 'expanded MLP' },
  ];
  for (const model of graphs) rows.push(await measure(browser, url, model));
  // Through the Open file input: the same baseline and 1,000-node grid, then 10,000 and 20,000 nodes.
  const dir = mkdtempSync(join(tmpdir(), 'graphgrad-bench-'));
  const opened: Awaited<ReturnType<typeof measureOpenFile>>[] = [];
  try {
    const files = [graphs[0], graphs[1], { ...gridModel(50, 200), name: 'grid' }, { ...gridModel(100, 199), name: 'grid' }];
    for (const model of files) opened.push(await measureOpenFile(browser, url, model, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const f = (s: FrameStats) => `${s.mean.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(0)} (${s.fps.toFixed(0)} fps)`;
  console.log('\nGraphGrad UI benchmark (headless Chromium; frame times in ms: mean / p95 / max)\n');
  console.log('| graph | nodes in DOM | open | pan | zoom | drag a node |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.name}: ${r.nodes} nodes, ${r.edges} edges | ${r.rendered} | ${r.openMs} ms | ${f(r.pan)} | ${f(r.zoom)} | ${f(r.drag)} |`);
  // The same figures side by side, one column per graph, the baseline first.
  const pct = (z: number) => `${Math.round(z * 100)}%`;
  const fps = (s: FrameStats) => `${s.mean.toFixed(1)} ms (${s.fps.toFixed(0)} fps)`;
  const side: [string, (r: (typeof rows)[number]) => string][] = [
    ['open (navigation to fitted view)', (r) => `${r.openMs} ms`],
    ['pan, fitted view: mean frame', (r) => `${fps(r.pan)} at ${pct(r.fitZoom)}`],
    ['pan, zoomed to ~45%: mean frame', (r) => `${fps(r.panMid)} at ${pct(r.mid)}`],
    ['pan, zoomed to ~100%: mean frame', (r) => `${fps(r.panNear)} at ${pct(r.near)}`],
    ['zoom in and out from the fitted view: mean frame', (r) => fps(r.zoom)],
    ['zoom out from ~100%: mean frame', (r) => `${fps(r.zoomOut)} to ${pct(r.outTo)}`],
    ['drag a node: mean frame', (r) => fps(r.drag)],
    [
      'p95 frame pan / zoom / zoom out / drag',
      (r) => `${r.pan.p95.toFixed(0)} / ${r.zoom.p95.toFixed(0)} / ${r.zoomOut.p95.toFixed(0)} / ${r.drag.p95.toFixed(0)} ms`,
    ],
  ];
  console.log(`\n| | ${rows.map((r) => `${r.name}: ${r.nodes} nodes, ${r.edges} edges`).join(' | ')} |`);
  console.log(`|---|${rows.map(() => '---|').join('')}`);
  for (const [name, get] of side) console.log(`| ${name} | ${rows.map(get).join(' | ')} |`);
  console.log('\nOpened through the Open file input (from a file, after the first-visit sample), the baseline first\n');
  const openSide: [string, (r: (typeof opened)[number]) => string][] = [
    ['open (file handed over to fitted view painted)', (r) => `${r.openMs} ms`],
    ['cards mounted by React Flow', (r) => String(r.rendered)],
    ['pan, fitted view: mean frame', (r) => `${fps(r.pan)} at ${pct(r.fitZoom)}`],
    ['zoom in and out from the fitted view: mean frame', (r) => fps(r.zoom)],
    ['p95 frame pan / zoom', (r) => `${r.pan.p95.toFixed(0)} / ${r.zoom.p95.toFixed(0)} ms`],
  ];
  console.log(`| | ${opened.map((r) => `${r.name}: ${r.nodes} nodes, ${r.edges} edges`).join(' | ')} |`);
  console.log(`|---|${opened.map(() => '---|').join('')}`);
  for (const [name, get] of openSide) console.log(`| ${name} | ${opened.map(get).join(' | ')} |`);
  for (const big of rows.filter((r) => r.nodes >= 1000)) {
    console.log(`\n${big.name} (${big.nodes} nodes) opens in ${big.openMs} ms (target < 2000 ms): ${big.openMs < 2000 ? 'OK' : 'TOO SLOW'}`);
  }
}

/**
 * BENCH_ONLY=scale runs only the scale cases (ui-scale.ts), BENCH_ONLY=editor only the others.
 * BENCH_COMPARE_DIST=<folder> also runs the scale cases on another build of the app (say, main's,
 * built with `npx vite build --outDir <folder>`), served beside this one, in the same run.
 */
async function main() {
  const only = process.env.BENCH_ONLY;
  await withBuiltApp(async (url) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    if (only !== 'scale') await benchEditor(browser, url);
    if (only !== 'editor') {
      const compare = process.env.BENCH_COMPARE_DIST;
      if (compare) await withServedDist(compare, (other) => benchScale(browser, { 'this build': url, [compare]: other }));
      else await benchScale(browser, { 'this build': url });
    }
    await browser.close();
  });
}

await main();
