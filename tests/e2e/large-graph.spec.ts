/**
 * Graphs above 1,000 nodes (CANVAS_CARDS_ABOVE): in the overview the cards are drawn on the edge
 * canvas and React Flow mounts only the one under the pointer; the minimap is a canvas too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { serializeModel, type Model } from '../../graph-engine/index.ts';
import { gridModel, sample } from '../support/models.ts';
import { expandMacro } from '../../src/store/macroEdits.ts';
import { shot } from './helpers.ts';

/** Opening a large graph took 90 s before the canvas overview and takes seconds now: 30 s fails a regression. */
const slow = expect.configure({ timeout: 30_000 });

async function openFile(page: Page, testInfo: TestInfo, model: Model): Promise<void> {
  // Written to a file first: a multi-megabyte buffer is slow to pass inline, and too large for the autosave.
  const file = testInfo.outputPath(`${model.name}.json`);
  writeFileSync(file, serializeModel(model));
  await page.locator('input[type=file]').first().setInputFiles(file);
}

/** React Flow's viewport transform: translate(x, y) scale(zoom). */
async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const t = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(t);
  if (!m) throw new Error(`unexpected viewport transform ${t}`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

/** Pixels of the edge canvas with any ink. */
const edgeCanvasInk = (page: Page) =>
  page.getByTestId('edge-canvas').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return ink;
  });

/**
 * The run of pixels of one colour on the edge canvas's row `y` through (x, y), in CSS pixels
 * relative to the canvas: where a card's block was drawn (blocks are opaque and drawn over the
 * edges).
 */
const blockRun = (page: Page, x: number, y: number) =>
  page.getByTestId('edge-canvas').evaluate(
    (el, [x, y]) => {
      const canvas = el as HTMLCanvasElement;
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const row = canvas.getContext('2d')!.getImageData(0, Math.round(y * ratio), canvas.width, 1).data;
      const at = (i: number) => row.slice(i * 4, i * 4 + 4).join();
      const start = Math.round(x * ratio);
      const colour = at(start);
      let left = start;
      let right = start;
      while (left > 0 && at(left - 1) === colour) left--;
      while (right < canvas.width - 1 && at(right + 1) === colour) right++;
      return { left: left / ratio, right: (right + 1) / ratio, alpha: row[start * 4 + 3] };
    },
    [x, y],
  );

/** The graph the Save button downloads. */
async function saved(page: Page, testInfo: TestInfo, name: string): Promise<Model> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save' }).click();
  const file = testInfo.outputPath(name);
  await (await download).saveAs(file);
  return JSON.parse(readFileSync(file, 'utf8')) as Model;
}

test('a 1,051-node graph: cards on the canvas, the one under the pointer mounted, clicked, dragged; the canvas minimap pans', async ({ page }, testInfo) => {
  // 42 x 25 grid + its loss = 1,051 nodes, and a dense layer below the grid fed by two inputs.
  const grid = gridModel(42, 25);
  const D = { x: 20 * 230, y: 25 * 120 + 80 };
  const model: Model = {
    ...grid,
    name: 'grid and layer',
    nodes: [...grid.nodes, { id: 'D', op: 'dense', label: 'layer1', attrs: { units: 3, activation: 'tanh' }, position: D }],
    edges: [...grid.edges, { source: 'n0_0', target: 'D', port: 0 }, { source: 'n0_1', target: 'D', port: 1 }],
  };
  await page.goto('/');
  await openFile(page, testInfo, model);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await slow(inspector.getByLabel('Name', { exact: true })).toHaveValue('grid and layer');
  await slow(page.locator('.canvas')).toHaveClass(/is-overview/);
  // Every card and edge drawn on one canvas; React Flow mounts no card (the pointer is off the canvas).
  await slow.poll(() => edgeCanvasInk(page)).toBeGreaterThan(20_000);
  expect(await page.locator('.react-flow__node-op').count()).toBeLessThanOrEqual(1);
  await expect(page.getByRole('img', { name: 'Mini map' })).toBeVisible();
  await shot(page, testInfo, '01-overview');

  // The layer card's screen position: its model position under the viewport transform, from the pane's corner.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const view = await viewport(page);
  expect(view.zoom).toBeLessThan(0.3);
  const left = pane.x + view.x + D.x * view.zoom;
  const top = pane.y + view.y + D.y * view.zoom;
  // A point in its header (30 px tall), left of the middle where the overview draws the symbol.
  const point = { x: left + 60 * view.zoom, y: top + 15 * view.zoom };
  // Its block is on the canvas before the card mounts: 210 px wide (a layer card, cardMetrics.ts) at this zoom.
  const block = await blockRun(page, point.x - pane.x, point.y - pane.y);
  expect(block.alpha).toBe(255);
  // Within the anti-aliased pixel at each end, where the block covers part of a pixel.
  expect(Math.abs(block.left - (left - pane.x))).toBeLessThan(1);
  expect(Math.abs(block.right - block.left - 210 * view.zoom)).toBeLessThan(2);

  // Hovering it mounts that card, and only it, where its block was drawn.
  await page.mouse.move(point.x, point.y);
  const card = page.locator('.react-flow__node-op[data-id="D"]');
  await expect(card).toHaveCount(1);
  await expect(page.locator('.react-flow__node-op')).toHaveCount(1);
  const box = (await card.boundingBox())!;
  expect(Math.abs(box.x - left)).toBeLessThan(1);
  expect(Math.abs(box.y - top)).toBeLessThan(1);
  expect(Math.abs(box.width - 210 * view.zoom)).toBeLessThan(1);
  expect(Math.abs(box.x - pane.x - block.left)).toBeLessThan(1);
  expect(Math.abs(box.x + box.width - pane.x - block.right)).toBeLessThan(1);

  // A click selects it: the inspector shows the layer.
  await page.mouse.click(point.x, point.y);
  await expect(inspector.getByLabel('Label', { exact: true })).toHaveValue('layer1');
  await expect(inspector.getByRole('heading', { level: 2 })).toContainText('Dense');
  await shot(page, testInfo, '02-layer-selected');

  // Dragged 100 screen px right and 50 down: the saved graph has it 100/zoom and 50/zoom flow units
  // further. (React Flow starts a drag once the pointer has moved past its 1 px threshold, from
  // where the pointer is then: the first 2 px step starts it, the next 100 px move the card.)
  await page.mouse.move(point.x, point.y);
  await page.mouse.down();
  await page.mouse.move(point.x + 2, point.y + 1);
  for (let i = 1; i <= 10; i++) await page.mouse.move(point.x + 2 + i * 10, point.y + 1 + i * 5);
  await page.mouse.up();
  await expect.poll(async () => (await card.boundingBox())?.x).toBeCloseTo(left + 100, 0);
  const moved = (await saved(page, testInfo, 'moved.json')).nodes.find((n) => n.id === 'D')!.position!;
  expect(moved.x).toBeCloseTo(D.x + 100 / view.zoom, 0);
  expect(moved.y).toBeCloseTo(D.y + 50 / view.zoom, 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  const undone = (await saved(page, testInfo, 'undone.json')).nodes.find((n) => n.id === 'D')!.position!;
  expect(undone).toEqual(D);

  // The minimap, dragged 20 px right, moves the view 20 minimap pixels' worth of flow to the right.
  // Derivation (React Flow's minimap, minimapBox.ts): the minimap shows the union of the nodes'
  // bounds and the view; after Fit View the view (the pane, W x H screen px, i.e. W/zoom x H/zoom
  // flow units) holds the whole graph, so the union is the view. It fits a 200 x 150 minimap with
  // 5 px of air on each side: flow units per minimap px = max(W/zoom / 200, H/zoom / 150) *
  // max(210/200, 160/150) = max(W/200, H/150) * (16/15) / zoom. A 20 px drag moves the view's
  // flow origin that much, i.e. the viewport's x (screen px) by -20 * that * zoom.
  const minimap = (await page.getByRole('img', { name: 'Mini map' }).boundingBox())!;
  const before = await viewport(page);
  const from = { x: minimap.x + minimap.width / 2, y: minimap.y + minimap.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y);
  await page.mouse.up();
  const expected = -20 * Math.max(pane.width / 200, pane.height / 150) * (16 / 15);
  await expect.poll(async () => (await viewport(page)).x - before.x).toBeCloseTo(expected, 0);
  expect((await viewport(page)).y).toBeCloseTo(before.y, 3);
  expect((await viewport(page)).zoom).toBe(before.zoom);
  await shot(page, testInfo, '03-minimap-dragged');
});

test('a 19,901-node graph opens through Open, fitted in the canvas overview', async ({ page }, testInfo) => {
  const grid = gridModel(100, 199);
  expect(grid.name).toBe('19901 nodes');
  await page.goto('/');
  await openFile(page, testInfo, grid);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await slow(inspector.getByLabel('Name', { exact: true })).toHaveValue('19901 nodes');
  await expect(inspector.locator('dt:text-is("Nodes") + dd')).toHaveText('19901');
  await expect(inspector.locator('dt:text-is("Edges") + dd')).toHaveText(String(grid.edges.length));
  await slow(page.locator('.canvas')).toHaveClass(/is-overview/);
  await slow.poll(() => edgeCanvasInk(page)).toBeGreaterThan(100_000);
  expect(await page.locator('.react-flow__node-op').count()).toBeLessThanOrEqual(1);
  // Fitted: the whole grid (its first and last columns' cards, and the loss) lies inside the pane.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const view = await viewport(page);
  const corners = [
    { x: 0, y: 0 },
    { x: 99 * 230 + 168, y: 198 * 120 + 60 },
    { x: 100 * 230 + 168, y: (199 * 120) / 2 },
  ];
  for (const c of corners) {
    const sx = view.x + c.x * view.zoom;
    const sy = view.y + c.y * view.zoom;
    expect(sx, `flow point ${c.x}, ${c.y}`).toBeGreaterThanOrEqual(0);
    expect(sy, `flow point ${c.x}, ${c.y}`).toBeGreaterThanOrEqual(0);
    expect(sx).toBeLessThanOrEqual(pane.width);
    expect(sy).toBeLessThanOrEqual(pane.height);
  }
  await expect(page.getByRole('img', { name: 'Mini map' })).toBeVisible();
  // Its 5.6 MB of JSON is more than the browser's storage holds (5 MB): the user is told to Save.
  await slow(page.getByRole('alert')).toContainText('Use Save to keep this one as a file');
  // ...and why: the graph's own size, not a full or disabled storage.
  await slow(page.getByRole('alert')).toContainText('more than browsers keep for one site (about 5 million)');
  await shot(page, testInfo, '10-huge-overview');
});

test('expanded digits-mlp (2,511 nodes): the overview pans true to the model, and a pixel typed in shows in the product it feeds', async ({
  page,
}, testInfo) => {
  const digits = sample('digits-mlp');
  await page.goto('/');
  await openFile(page, testInfo, digits);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  let model = digits;
  for (const layer of ['logits', 'h']) {
    await slow(inspector.locator('dt:text-is("Nodes") + dd')).toHaveText(String(model.nodes.length));
    await page.locator(`.react-flow__node[data-id="${layer}"]`).click();
    await inspector.getByRole('button', { name: 'Expand', exact: true }).click();
    model = expandMacro(model, layer).model!;
  }
  await slow(inspector.locator('dt:text-is("Nodes") + dd')).toHaveText('2511');
  await slow(page.locator('.canvas')).toHaveClass(/is-overview/);
  await slow.poll(() => edgeCanvasInk(page)).toBeGreaterThan(5_000);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const at = (id: string) => model.nodes.find((n) => n.id === id)!.position!;
  const xs = model.nodes.map((n) => n.position!.x);
  /** Drags the view by (dx, dy) from beside every card (300 flow px left or right of the graph), where nothing is drawn. */
  const drag = async (dx: number, dy: number) => {
    const v = await viewport(page);
    const side = [Math.min(...xs) - 300, Math.max(...xs) + 500]
      .map((x) => pane.x + v.x + x * v.zoom)
      .find((x) => x > pane.x + 10 && x < pane.x + pane.width - 10);
    const from = { x: side ?? pane.x + 10, y: pane.y + pane.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + dx / 2, from.y + dy / 2);
    await page.mouse.move(from.x + dx, from.y + dy);
    await page.mouse.up();
  };
  // Zoomed in within the overview, then panned by whole pixels: the overview is copied from the
  // layer drawn before the pan, and a weight's block is still where its model position puts it.
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let i = 0; i < 80 && (await viewport(page)).zoom < 0.15; i++) await page.mouse.wheel(0, -30);
  await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(0.15);
  await expect(page.locator('.canvas')).toHaveClass(/is-overview/);
  const before = await viewport(page);
  await drag(60, 40);
  await expect.poll(async () => (await viewport(page)).x - before.x).toBeCloseTo(60, 0);
  const view = await viewport(page);
  const visible = model.nodes.filter(
    (n) =>
      n.op === 'param' &&
      [n.position!.x * view.zoom + view.x, n.position!.y * view.zoom + view.y].every((p, i) => p > 50 && p < (i ? pane.height : pane.width) - 250),
  );
  const weight = visible[Math.floor(visible.length / 2)];
  const left = view.x + weight.position!.x * view.zoom;
  const top = view.y + weight.position!.y * view.zoom;
  const block = await blockRun(page, left + 10 * view.zoom, top + 15 * view.zoom);
  expect(block.alpha).toBe(255);
  expect(Math.abs(block.left - left)).toBeLessThan(1);
  expect(Math.abs(block.right - block.left - 168 * view.zoom)).toBeLessThan(2);
  await shot(page, testInfo, '20-digits-expanded-panned');

  // To the pixels (top left of the graph), zoomed to 40%: pixel p0 and its product with W1[1,1].
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let i = 0; i < 80 && (await viewport(page)).zoom > 0.025; i++) await page.mouse.wheel(0, 100);
  await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(0.025);
  for (let i = 0; i < 12; i++) {
    const v = await viewport(page);
    const dy = pane.height / 2 - (v.y + at('p0').y * v.zoom);
    if (Math.abs(dy) < 50) break;
    await drag(0, Math.max(-pane.height / 2 + 40, Math.min(pane.height / 2 - 40, dy)));
  }
  const v = await viewport(page);
  await page.mouse.move(pane.x + v.x + 1000 * v.zoom, pane.y + v.y + 300 * v.zoom);
  for (let i = 0; i < 60 && (await viewport(page)).zoom < 0.38; i++) await page.mouse.wheel(0, -100);
  await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(0.38);
  await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(0.55);
  const product = page.locator('.react-flow__node[data-id="h/m0_0"] [data-testid="node-value"]');
  await expect(product).toHaveText('0');
  await page.locator('.react-flow__node[data-id="p0"]').click();
  await inspector.getByLabel('Value', { exact: true }).fill('1');
  // W1[1,1] · 1 is W1[1,1]'s own value, as the file holds it.
  const w = model.nodes.find((n) => n.id === 'h/w0_0')!.value!;
  await expect(product).toHaveAttribute('title', new RegExp(`= ${String(w).replace(/[.-]/g, '\\$&')}$`));
  await page.locator('.react-flow__node[data-id="p0"]').click();
  await inspector.getByLabel('Value', { exact: true }).fill('-2');
  await expect(product).toHaveAttribute('title', new RegExp(`= ${String(-2 * w).replace(/[.-]/g, '\\$&')}$`));
  await shot(page, testInfo, '21-digits-pixel-edited');
});
