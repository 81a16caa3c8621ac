/**
 * What the UI benchmarks share: frame-time sampling (requestAnimationFrame intervals), panning and
 * wheel-zooming the canvas as a user does, waiting for a graph to be painted, and opening a graph
 * through the toolbar's Open file input.
 */
import type { Browser, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeModel, type Model } from '../../graph-engine/index.ts';

export interface FrameStats {
  mean: number;
  p95: number;
  max: number;
  fps: number;
}

/** Runs `action` while sampling frame intervals with requestAnimationFrame. */
export async function sampleFrames(page: Page, action: () => Promise<void>): Promise<FrameStats> {
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

export const viewportZoom = (page: Page) =>
  page.evaluate(`Number(/scale\\(([^)]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform)[1])`) as Promise<number>;

/** Wheel-zooms about the canvas centre until the zoom is within 15% of `target`. */
export async function zoomTo(page: Page, target: number): Promise<number> {
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
export async function pan(page: Page): Promise<FrameStats> {
  const start = await emptyPoint(page);
  return sampleFrames(page, async () => {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) await page.mouse.move(start.x + i * 3, start.y + i * 1.5);
    await page.mouse.up();
  });
}

/**
 * Waits until `model` is open in the fitted view with its cards and edges drawn, then two frames
 * (the view has painted). All bench graphs fit entirely on screen, so every edge is rendered once
 * the view is fitted: as React Flow's, or on the edge canvas, which above 1,000 nodes draws the
 * cards as well and React Flow mounts none (viewDetail.ts: CANVAS_CARDS_ABOVE). The inspector's
 * node count tells the opened graph from the one shown before.
 */
export async function waitPainted(page: Page, model: Model): Promise<void> {
  const n = model.nodes.length;
  const e = model.edges.length;
  // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
  await page.waitForFunction(
    `(() => {
      const count = [...document.querySelectorAll('.facts dt')].find((dt) => dt.textContent === 'Nodes')?.nextElementSibling?.textContent;
      if (count !== '${n}' || !document.querySelector('.react-flow__viewport')) return false;
      const ink = () => {
        const c = document.querySelector('.edge-canvas');
        if (!c || !c.width) return false;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) if (d[i]) return true;
        return false;
      };
      if (${n} > 1000) return ink();
      return document.querySelectorAll('.react-flow__node').length >= ${Math.min(n, 50)} && (document.querySelectorAll('.react-flow__edge').length >= ${e} || ink());
    })()`,
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

/**
 * Opens `model` through the toolbar's Open file input (from a file, as a user does: the graphs
 * here are too large for the autosave), after the app has started with its first-visit sample.
 * Open = from handing over the file to the fitted view painted; then frame times while panning
 * the fitted view and zooming in and out from it (both stay in the overview for these graphs).
 */
export async function measureOpenFile(browser: Browser, url: string, model: Model, dir: string) {
  const file = join(dir, `${model.nodes.length}.json`);
  writeFileSync(file, serializeModel(model));
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  const t0 = Date.now();
  await page.locator('input[type=file]').first().setInputFiles(file);
  await waitPainted(page, model);
  const openMs = Date.now() - t0;
  const rendered = await page.locator('.react-flow__node').count();
  const fitZoom = await viewportZoom(page);
  const panFit = await pan(page);
  const zoom = await zoomInAndOut(page);
  await context.close();
  return { name: model.name ?? '', nodes: model.nodes.length, edges: model.edges.length, rendered, openMs, fitZoom, pan: panFit, zoom };
}

/** Frame times over 15 wheel steps in and 15 out, from an empty point of the fitted view. */
export async function zoomInAndOut(page: Page): Promise<FrameStats> {
  const start = await emptyPoint(page);
  return sampleFrames(page, async () => {
    await page.mouse.move(start.x + 100, start.y + 100);
    for (const delta of [-80, 80]) {
      for (let i = 0; i < 15; i++) {
        await page.mouse.wheel(0, delta);
        await page.waitForTimeout(16);
      }
    }
  });
}
