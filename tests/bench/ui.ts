/**
 * UI benchmark: builds the app, serves it, and in headless Chromium measures for a small
 * baseline graph and a 1,000-node graph: time to open (navigation to a fitted, painted canvas),
 * and frame times (requestAnimationFrame sampling) while panning, zooming and dragging a node.
 *
 *   npm run bench:ui
 */
import { CHROMIUM, withBuiltApp } from './serve.ts';
import { chromium, type Browser, type Page } from '@playwright/test';
import { serializeModel, type Model } from '../../graph-engine/index.ts';
import { expandedMlpModel, gridModel } from '../support/models.ts';


interface FrameStats {
  mean: number;
  p95: number;
  max: number;
  fps: number;
}

/** Runs `action` while sampling frame intervals with requestAnimationFrame. */
async function sampleFrames(page: Page, action: () => Promise<void>): Promise<FrameStats> {
  // Strings, not functions: tsx's name-keeping helper (__name) does not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__sampling = true;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await action();
  const frames = (await page.evaluate('(() => { window.__sampling = false; return window.__frames.slice(1); })()')) as number[];
  const sorted = [...frames].sort((a, b) => a - b);
  const mean = frames.reduce((s, f) => s + f, 0) / Math.max(frames.length, 1);
  return { mean, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, max: sorted.at(-1) ?? 0, fps: 1000 / mean };
}

/** A point on empty canvas (the pane itself under the pointer). */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = (await page.evaluate(`(() => {
    const box = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (let y = box.top + 20; y < box.bottom - 20; y += 13) {
      for (let x = box.left + 20; x < box.right - 220; x += 13) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return { x: box.left + 30, y: box.top + 30 };
  })()`)) as { x: number; y: number };
  return p;
}

const viewportZoom = (page: Page) =>
  page.evaluate(`Number(/scale\\(([^)]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform)[1])`) as Promise<number>;

/** Wheel-zooms about the canvas centre until the zoom is within 15% of `target`. */
async function zoomTo(page: Page, target: number): Promise<number> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 60; i++) {
    const zoom = await viewportZoom(page);
    if (Math.abs(Math.log(zoom / target)) < Math.log(1.15)) return zoom;
    await page.mouse.wheel(0, zoom < target ? -60 : 60);
    await page.waitForTimeout(30);
  }
  return viewportZoom(page);
}

/** Frame times while dragging the view from an empty point. */
async function pan(page: Page): Promise<FrameStats> {
  const start = await emptyPoint(page);
  return sampleFrames(page, async () => {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) await page.mouse.move(start.x + i * 3, start.y + i * 1.5);
    await page.mouse.up();
  });
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
  // Open = the fitted view with its cards and edges drawn: both bench graphs fit entirely on
  // screen, so every edge is rendered once the view is fitted (the large graph's on one canvas,
  // which appears once the fitted view is in the overview).
  await page.waitForFunction(
    ([n, e]) =>
      document.querySelectorAll('.react-flow__node').length >= Math.min(n, 50) &&
      (document.querySelectorAll('.react-flow__edge').length >= e || !!document.querySelector('.edge-canvas')) &&
      !!document.querySelector('.react-flow__viewport'),
    [model.nodes.length, model.edges.length],
    { timeout: 60_000, polling: 'raf' },
  );
  // Two frames: the fitted view has painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const openMs = Date.now() - t0;
  const rendered = await page.locator('.react-flow__node').count();

  const fitZoom = await viewportZoom(page);
  const panFit = await pan(page);
  const start = await emptyPoint(page);
  const zoom = await sampleFrames(page, async () => {
    await page.mouse.move(start.x + 100, start.y + 100);
    for (let i = 0; i < 15; i++) {
      await page.mouse.wheel(0, -80);
      await page.waitForTimeout(16);
    }
    for (let i = 0; i < 15; i++) {
      await page.mouse.wheel(0, 80);
      await page.waitForTimeout(16);
    }
  });
  const node = page.locator('.react-flow__node-op').first();
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
  return { name: model.name ?? '', nodes: model.nodes.length, edges: model.edges.length, rendered, openMs, fitZoom, pan: panFit, mid, panMid, near, panNear, zoom, zoomOut, outTo, drag };
}

async function main() {
  await withBuiltApp(async (url) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const rows: Awaited<ReturnType<typeof measure>>[] = [];
    // The baseline, a 1,000-node grid, and a 1,000-node MLP expanded in place (its layer frame,
    // fan-in of 15 per sum and long edges across layers).
    const graphs = [
      { ...gridModel(3, 3), name: 'small grid' },
      { ...gridModel(40, 25), name: 'grid' },
      { ...expandedMlpModel(15), name: 'expanded MLP' },
    ];
    for (const model of graphs) rows.push(await measure(browser, url, model));
    await browser.close();

    const f = (s: FrameStats) => `${s.mean.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(0)} (${s.fps.toFixed(0)} fps)`;
    console.log('\nGraphGrad UI benchmark (headless Chromium; frame times in ms: mean / p95 / max)\n');
    console.log('| graph | nodes in DOM | open | pan | zoom | drag a node |');
    console.log('|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.name}: ${r.nodes} nodes, ${r.edges} edges | ${r.rendered} | ${r.openMs} ms | ${f(r.pan)} | ${f(r.zoom)} | ${f(r.drag)} |`);
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
      ['p95 frame pan / zoom / zoom out / drag', (r) => `${r.pan.p95.toFixed(0)} / ${r.zoom.p95.toFixed(0)} / ${r.zoomOut.p95.toFixed(0)} / ${r.drag.p95.toFixed(0)} ms`],
    ];
    console.log(`\n| | ${rows.map((r) => `${r.name}: ${r.nodes} nodes, ${r.edges} edges`).join(' | ')} |`);
    console.log(`|---|${rows.map(() => '---|').join('')}`);
    for (const [name, get] of side) console.log(`| ${name} | ${rows.map(get).join(' | ')} |`);
    for (const big of rows.filter((r) => r.nodes >= 1000)) {
      console.log(`\n${big.name} (${big.nodes} nodes) opens in ${big.openMs} ms (target < 2000 ms): ${big.openMs < 2000 ? 'OK' : 'TOO SLOW'}`);
    }
  });
}

await main();
