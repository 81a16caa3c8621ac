/**
 * Train mode benchmark: builds the app, serves it, and in headless Chromium measures while the
 * worker trains:
 * 1. samples/spiral-mlp.json at Max: the page's frame rate (requestAnimationFrame), the trainer's
 *    epochs per second (epoch counter over wall time), the wall time from Play until the training
 *    loss shown is below 0.01.
 * 2. The page's frame rate at each Speed preset on spiral-mlp, and whether the loss curve, the
 *    decision boundary and the canvas are in the viewport while it is measured.
 * 3. The main thread's cost of snapshots, with the canvas preview built from the worker's values
 *    (`?preview=worker`) and, as the baseline, rebuilt and re-evaluated on the page as before
 *    (`?preview=main`): on spiral-mlp while it trains at Max, main-thread busy time per second
 *    (Chrome's TaskDuration and ScriptDuration via CDP), long tasks (> 50 ms), and the
 *    controller's own User Timing measures around applying snapshots and building the preview.
 *    On digits-mlp with its layers expanded into primitives (about 2,500 nodes) the editor canvas
 *    redrawing 2,500 cards at the preview's 5 a second keeps the page busy in either mode (a run
 *    at Max backs up for minutes), so it takes Step epoch a few times instead and gives the cost
 *    per preview, and the main thread's whole time per step.
 *
 *   npm run bench:ui        (runs tests/bench/ui.ts, then this)
 *   npx tsx tests/bench/train-ui.ts [1] [2] [3]     (only the parts named; all by default)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { expandMacros, parseModelText, serializeModel } from '../../graph-engine/index.ts';
import { PACE_PRESETS } from '../../src/trainWorker/pace.ts';
import { CHROMIUM, withBuiltApp } from './serve.ts';

const RUN_MS = 5000;
const PACE_MS = 3000;
const COST_MS = 3000;
const STEPS = 2;
const VIEWPORT = { width: 1440, height: 900 };

/** The controller's User Timing measures (src/modes/train/controller.ts, with `?preview=` in the URL). */
const SNAPSHOT_MEASURE = 'graphgrad:train-snapshot';
const PREVIEW_MEASURE = 'graphgrad:train-preview';

interface Frames {
  frames: number[];
  epochs: { t: number; epoch: number }[];
  lossBelow?: number;
  finalLoss: number;
}

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
}

/** Opens the app (and a model file, when given) in Train mode with no epoch limit, at `speed`. */
async function openTrain(browser: Browser, url: string, query: string, speed: string, file?: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await page.goto(`${url}?${query}`);
  if (file) {
    await page.locator('input[type=file]').first().setInputFiles(file);
    await page.locator('.react-flow').waitFor();
  }
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await panel.getByTestId('initial-loss').filter({ hasNotText: '–' }).waitFor({ timeout: 120_000 });
  // Train until paused (a sample's own epoch limit would end the window early).
  await panel.getByLabel('Stop at epoch').fill('');
  await panel.getByLabel('Stop at epoch').press('Enter');
  await panel.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
  return page;
}

/**
 * Frame intervals by rAF, the epoch counter and loss read on every frame, the first frame with
 * loss < 0.01 noted. In the page as a string: tsx's helpers do not exist there.
 */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const w = window;
    w.__bench = { frames: [], epochs: [], lossBelow: undefined, finalLoss: NaN, t0: performance.now(), on: true };
    const epochEl = document.querySelector('[data-testid="epoch"]');
    const lossEl = document.querySelector('[data-testid="train-loss"]');
    let last = performance.now();
    const tick = (t) => {
      const b = w.__bench;
      if (!b.on) return;
      b.frames.push(t - last);
      b.epochs.push({ t: t - b.t0, epoch: Number(epochEl.textContent.replace(/,/g, '')) });
      const loss = Number(lossEl.textContent);
      b.finalLoss = loss;
      if (b.lossBelow === undefined && loss < 0.01) b.lossBelow = t - b.t0;
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

async function stopFrames(page: Page): Promise<Frames> {
  const r = (await page.evaluate('(() => { window.__bench.on = false; return window.__bench; })()')) as Frames;
  return { ...r, frames: r.frames.slice(2) };
}

async function play(page: Page): Promise<void> {
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  const button = panel.getByRole('button', { name: 'Play', exact: true });
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

async function pause(page: Page): Promise<void> {
  const button = page.getByRole('complementary', { name: 'Train panel' }).getByRole('button', { name: 'Pause', exact: true });
  if (await button.isVisible()) await button.click();
}

function summarise(r: Frames) {
  const f = [...r.frames].sort((a, b) => a - b);
  const mean = f.reduce((s, x) => s + x, 0) / Math.max(f.length, 1);
  // Epochs per second once running: from the first counter change to the end of the window.
  const first = r.epochs[0]?.epoch ?? 0;
  const moving = r.epochs.find((e) => e.epoch > first);
  const last = r.epochs[r.epochs.length - 1];
  const eps = moving && last && last.t > moving.t ? ((last.epoch - moving.epoch) * 1000) / (last.t - moving.t) : 0;
  return {
    fps: 1000 / mean,
    mean,
    p95: f[Math.floor(f.length * 0.95)] ?? 0,
    max: f[f.length - 1] ?? 0,
    eps,
    epochs: last?.epoch ?? 0,
    lossBelow: r.lossBelow,
    finalLoss: r.finalLoss,
  };
}

const frameText = (s: ReturnType<typeof summarise>) => `${s.fps.toFixed(0)} fps (${s.mean.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(0)})`;

/** 1. Max on spiral: frame rate, epochs/s, time to a low loss (the figures README quotes). */
async function maxRuns(url: string): Promise<void> {
  const runs = [];
  for (let i = 0; i < 2; i++) {
    const browser = await launch();
    try {
      const page = await openTrain(browser, url, 'sample=spiral-mlp', 'Max');
      await startFrames(page);
      await play(page);
      await page.waitForTimeout(RUN_MS);
      runs.push(summarise(await stopFrames(page)));
      await pause(page);
    } finally {
      await browser.close();
    }
  }
  console.log(
    `\n1. samples/spiral-mlp.json (2-8-8-1 tanh, 500-point spiral) at Max, ${RUN_MS / 1000} s of training per run, ${VIEWPORT.width}×${VIEWPORT.height}\n`,
  );
  console.log(
    '| run | page fps while training (mean / p95 / max frame ms) | epochs/s (worker) | epochs in the window | Play → train loss < 0.01 | final train loss |',
  );
  console.log('|---|---|---|---|---|---|');
  runs.forEach((r, i) =>
    console.log(
      `| ${i + 1} | ${frameText(r)} | ${Math.round(r.eps)} | ${r.epochs} | ${r.lossBelow === undefined ? 'not reached' : `${(r.lossBelow / 1000).toFixed(2)} s`} | ${r.finalLoss} |`,
    ),
  );
}

/** Whether an element is wholly inside the viewport. */
async function inView(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= VIEWPORT.height && box.x + box.width <= VIEWPORT.width;
}

/** 2. The frame rate at each Speed preset, with what is in view. */
async function paceRuns(url: string): Promise<number> {
  const browser = await launch();
  const rows: string[] = [];
  let worst = Number.POSITIVE_INFINITY;
  try {
    const page = await openTrain(browser, url, 'sample=spiral-mlp', PACE_PRESETS[0].label);
    const panel = page.getByRole('complementary', { name: 'Train panel' });
    for (const { label } of PACE_PRESETS) {
      await panel.getByRole('combobox', { name: 'Speed' }).selectOption(label);
      await play(page);
      const seen = {
        curve: await inView(page, '.train-chart'),
        boundary: await inView(page, '[data-testid="boundary-heatmap"]'),
        canvas: await inView(page, '.react-flow__node'),
      };
      await startFrames(page);
      await page.waitForTimeout(PACE_MS);
      const s = summarise(await stopFrames(page));
      await pause(page);
      worst = Math.min(worst, s.fps);
      const yes = (b: boolean) => (b ? 'yes' : 'no');
      rows.push(
        `| ${label} | ${frameText(s)} | ${s.eps < 10 ? s.eps.toFixed(1) : Math.round(s.eps)} | ${yes(seen.curve)} / ${yes(seen.boundary)} / ${yes(seen.canvas)} |`,
      );
    }
  } finally {
    await browser.close();
  }
  console.log(`\n2. Page frame rate at each Speed preset: spiral-mlp, ${PACE_MS / 1000} s each, ${VIEWPORT.width}×${VIEWPORT.height}\n`);
  console.log('| Speed | page fps (mean / p95 / max frame ms) | epochs/s | in view: loss curve / boundary / canvas |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(r);
  return worst;
}

interface Cost {
  fps: number;
  eps: number;
  taskMsPerS: number;
  scriptMsPerS: number;
  longTasks: number;
  longTaskMs: number;
  snapshotsPerS: number;
  snapshotMsPerS: number;
  previewsPerS: number;
  previewMsPerS: number;
  previewMeanMs: number;
}

/** 3. One run's main-thread cost while training at Max. */
async function costRun(browser: Browser, url: string, query: string, file?: string, steps = 0): Promise<Cost> {
  const page = await openTrain(browser, url, query, 'Max', file);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics: m } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const get = (n: string) => m.find((x) => x.name === n)?.value ?? 0;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
  await page.evaluate(`(() => {
    const w = window;
    w.__long = { count: 0, ms: 0 };
    new PerformanceObserver((list) => { for (const e of list.getEntries()) { w.__long.count++; w.__long.ms += e.duration; } }).observe({ type: 'longtask' });
  })()`);
  let frames = { fps: Number.NaN, eps: Number.NaN };
  let before: { task: number; script: number };
  const t0 = Date.now();
  if (steps) {
    // One snapshot and one preview per step, each after the page has drawn the last.
    const panel = page.getByRole('complementary', { name: 'Train panel' });
    await page.evaluate('performance.clearMeasures(); window.__long = { count: 0, ms: 0 }');
    before = await metrics();
    for (let i = 1; i <= steps; i++) {
      await panel.getByRole('button', { name: 'Step epoch' }).click();
      await panel
        .getByTestId('epoch')
        .filter({ hasText: new RegExp(`^${i}$`) })
        .waitFor({ timeout: 120_000 });
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
    }
  } else {
    await play(page);
    await page.waitForTimeout(500); // past the first snapshot's layout of the running panel
    await page.evaluate('performance.clearMeasures(); window.__long = { count: 0, ms: 0 }');
    before = await metrics();
    await startFrames(page);
    await page.waitForTimeout(COST_MS);
    frames = summarise(await stopFrames(page));
  }
  const after = await metrics();
  const seconds = steps || (Date.now() - t0) / 1000;
  const timing = (await page.evaluate(`(() => {
    const sum = (n) => performance.getEntriesByName(n).reduce((s, e) => s + e.duration, 0);
    const count = (n) => performance.getEntriesByName(n).length;
    return { long: window.__long, snapshots: count('${SNAPSHOT_MEASURE}'), snapshotMs: sum('${SNAPSHOT_MEASURE}'), previews: count('${PREVIEW_MEASURE}'), previewMs: sum('${PREVIEW_MEASURE}') };
  })()`)) as { long: { count: number; ms: number }; snapshots: number; snapshotMs: number; previews: number; previewMs: number };
  await page.context().close(); // no Pause: the baseline page may be too busy to answer a click soon
  return {
    fps: frames.fps,
    eps: frames.eps,
    taskMsPerS: ((after.task - before.task) * 1000) / seconds,
    scriptMsPerS: ((after.script - before.script) * 1000) / seconds,
    longTasks: timing.long.count,
    longTaskMs: timing.long.ms,
    snapshotsPerS: timing.snapshots / seconds,
    snapshotMsPerS: timing.snapshotMs / seconds,
    previewsPerS: timing.previews / seconds,
    previewMsPerS: timing.previewMs / seconds,
    previewMeanMs: timing.previewMs / Math.max(timing.previews, 1),
  };
}

/** digits-mlp with its two dense layers expanded into primitives, as a model file. */
function expandedDigits(): { file: string; nodes: number } {
  const { model } = parseModelText(readFileSync(new URL('../../samples/digits-mlp.json', import.meta.url), 'utf8'));
  const expanded = expandMacros(model!);
  if (expanded.problems.length) throw new Error(expanded.problems.map((p) => p.message).join('\n'));
  const file = join(mkdtempSync(join(tmpdir(), 'gg-bench-')), 'digits-mlp-expanded.json');
  writeFileSync(file, serializeModel({ ...expanded.model, name: 'digits-mlp, layers expanded' }));
  return { file, nodes: expanded.model.nodes.length };
}

async function costRuns(url: string): Promise<void> {
  const digits = expandedDigits();
  const cases = [
    { name: 'spiral-mlp', query: 'sample=spiral-mlp' },
    { name: `digits-mlp expanded (${digits.nodes.toLocaleString('en')} nodes)`, query: '', file: digits.file, steps: STEPS },
  ];
  const rows: string[] = [];
  const browser = await launch();
  try {
    for (const c of cases) {
      for (const mode of ['main', 'worker'] as const) {
        const t0 = Date.now();
        const r = await costRun(browser, url, `${c.query}${c.query ? '&' : ''}preview=${mode}`, c.file, c.steps);
        console.error(`  (${c.name}, preview=${mode}: ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
        const per = c.steps ? 'step' : 's';
        rows.push(
          `| ${c.name}${c.steps ? `, ${c.steps} × Step epoch` : ', Max'} | ${mode === 'main' ? 'before: page re-evaluates' : 'after: worker values'} | ${r.taskMsPerS.toFixed(0)} / ${r.scriptMsPerS.toFixed(0)} ms/${per} | ${r.longTasks} (${r.longTaskMs.toFixed(0)} ms) | ${c.steps ? '–' : `${r.snapshotsPerS.toFixed(1)}/s, ${r.snapshotMsPerS.toFixed(1)} ms/s`} | ${r.previewsPerS.toFixed(1)}/${per}, ${r.previewMsPerS.toFixed(1)} ms/${per} (${r.previewMeanMs.toFixed(2)} ms each) | ${Number.isNaN(r.fps) ? '–' : r.fps.toFixed(0)} | ${Number.isNaN(r.eps) ? '–' : Math.round(r.eps)} |`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`\n3. Main-thread cost of snapshots: at Max for ${COST_MS / 1000} s (per second of wall time), or per Step epoch\n`);
  console.log(
    '| model, run | canvas preview | main thread busy: all tasks / script | long tasks (total) | snapshots applied | preview builds (incl. in snapshots) | page fps | epochs/s |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

async function main() {
  const started = Date.now();
  await withBuiltApp(async (url) => {
    console.log('\nTrain mode benchmark, headless Chromium (software rendering)');
    const parts = process.argv.slice(2);
    const part = (n: string) => parts.length === 0 || parts.includes(n);
    if (part('1')) await maxRuns(url);
    if (part('2')) {
      const worst = await paceRuns(url);
      console.log(`\nTarget >= 50 fps at every Speed: ${worst >= 50 ? 'OK' : 'MISSED'} (worst ${worst.toFixed(0)} fps)`);
    }
    if (part('3')) await costRuns(url);
  });
  console.log(`\n(train-ui bench: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

// With BENCH_ONLY (scale or editor: ui.ts), `npm run bench:ui` runs only that part of ui.ts.
if (!process.env.BENCH_ONLY) await main();
