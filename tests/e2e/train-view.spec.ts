/**
 * The picture in view: on a laptop screen and a common desktop one, while spiral trains, the loss
 * curve and the decision boundary are both on screen without scrolling, beside the canvas; a
 * click on a data point in the boundary shows that row on the canvas.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { nodeById, shot } from './helpers.ts';

/** The element's box lies wholly inside the window. */
async function expectInWindow(page: Page, el: Locator, what: string) {
  const box = await el.boundingBox();
  const view = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(view.width);
  expect(box!.y + box!.height, `${what}: bottom edge`).toBeLessThanOrEqual(view.height);
}

for (const [width, height] of [
  [1366, 768],
  [1440, 900],
]) {
  test(`${width}x${height}: while training, the loss curve and the boundary are in view without scrolling`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?sample=spiral-mlp');
    await page.getByRole('button', { name: 'Train' }).click();
    const panel = page.getByRole('complementary', { name: 'Train panel' });
    // No epoch limit: still training when the checks end, however slow the machine.
    await panel.getByLabel('Stop at epoch').fill('');
    await panel.getByLabel('Stop at epoch').press('Enter');
    await panel.evaluate((el) => el.scrollTo(0, 0));
    await panel.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(panel.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect.poll(async () => Number((await panel.getByTestId('epoch').textContent())?.replace(/,/g, ''))).toBeGreaterThan(5);

    const boundary = panel.getByRole('figure', { name: 'Decision boundary' });
    const chart = panel.getByRole('img', { name: /^Loss curve/ });
    await expect(boundary).toBeVisible();
    await expectInWindow(page, boundary, 'decision boundary');
    await expectInWindow(page, chart, 'loss curve');
    await expectInWindow(page, panel.getByTestId('boundary-legend'), 'colour key');
    // Big enough to read: the picture at least 200 px square, the chart the panel's width.
    const plot = (await boundary.boundingBox())!;
    expect(Math.min(plot.width, plot.height)).toBeGreaterThanOrEqual(200);
    expect((await chart.boundingBox())!.width).toBeGreaterThanOrEqual(300);
    // Nothing was scrolled to get there.
    expect(await panel.evaluate((el) => el.scrollTop)).toBe(0);
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
    // The canvas stays beside it, most of the window wide, its cards in view.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    expect(pane.width).toBeGreaterThanOrEqual(width - 400);
    await expect(nodeById(page, 'net')).toBeInViewport();
    await expect(panel.getByRole('button', { name: 'Pause', exact: true })).toBeVisible(); // still training
    await shot(page, testInfo, `train-view-${width}x${height}`);
  });
}

test('clicking a data point in the boundary shows that row on the canvas, ringed and numbered', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?sample=spiral-mlp');
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  const shown = panel.getByTestId('boundary-sample');
  await expect(shown).toContainText(/Sample: row \d+ · (train|test)/);
  const before = await shown.textContent();
  const x1Before = await nodeById(page, 'x1').getByTestId('node-value').textContent();
  const plot = page.locator('.train-boundary__plot');
  const box = (await plot.boundingBox())!;
  // The spiral's arms cover the picture: clicks along a diagonal soon land on a point.
  let picked = false;
  let at = { x: 0, y: 0 };
  for (let f = 0.1; f < 0.95 && !picked; f += 0.02) {
    at = { x: box.width * f, y: box.height * (1 - f) };
    await plot.click({ position: at });
    picked = (await shown.textContent()) !== before;
  }
  expect(picked).toBe(true);
  // The canvas shows the point that was clicked: its x1 and x2 are where the click was, within the
  // 8 px pick radius, read against the axis ranges the legend states.
  const axes = (await panel.getByTestId('boundary-legend').textContent())!.match(/x1 (\S+) … (\S+) across · x2 (\S+) … (\S+) up/)!;
  const [a, b, c, d] = axes.slice(1).map((v) => Number(v.replace('−', '-')));
  const inner = box.width - 2;
  const value = async (id: string) => Number((await nodeById(page, id).getByTestId('node-value').textContent())!.replace('−', '-'));
  await expect.poll(async () => Math.abs((await value('x1')) - (a + ((b - a) * (at.x - 1)) / inner)) / ((b - a) / inner)).toBeLessThan(9);
  expect(Math.abs((await value('x2')) - (d - ((d - c) * (at.y - 1)) / inner)) / ((d - c) / inner)).toBeLessThan(9);
  const row = Number((await shown.textContent())!.match(/row (\d+)/)![1]);
  // The row number field in "Inputs and targets" follows, and the canvas shows another sample.
  await expect(panel.getByLabel(/Sample shown on the canvas/)).toHaveValue(String(row));
  await expect(nodeById(page, 'x1').getByTestId('node-value')).not.toHaveText(x1Before!);
  // Away from every point a click changes nothing.
  await plot.click({ position: { x: 2, y: 2 } });
  await expect(shown).toContainText(`row ${row} `);
});

test("a unit's heatmap shows large on hover or focus, named, with its range; cards carry a colour key", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?sample=spiral-mlp');
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await panel.getByRole('button', { name: 'Step epoch' }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('1');
  const popover = page.getByRole('tooltip');

  // The x1 input's picture is x1 itself: its key spans the plane's x1 range, as the boundary's axes read.
  const axes = await panel.getByTestId('boundary-legend').textContent();
  const [, lo, hi] = axes!.match(/x1 (-?[\d.]+) … (-?[\d.]+) across/)!;
  const x1 = nodeById(page, 'x1');
  await expect(x1.getByRole('img', { name: /^Colour key/ })).toBeVisible();

  // Keyboard: focus the picture; the popover names it, and its values run across the plane's x1
  // range (sampled at grid points, so up to a tenth of the span short of either end).
  await x1.getByRole('img', { name: 'x1 over the input plane' }).focus();
  await expect(popover).toBeVisible();
  await expect(popover.getByText('x1', { exact: true })).toBeVisible();
  const [, vMin, vMax] = (await popover.textContent())!.match(/values (-?[\d.]+) … (-?[\d.]+)/)!;
  const span = Number(hi) - Number(lo);
  expect(Number(vMin)).toBeGreaterThanOrEqual(Number(lo) - 0.05);
  expect(Number(vMin)).toBeLessThanOrEqual(Number(lo) + span / 10);
  expect(Number(vMax)).toBeLessThanOrEqual(Number(hi) + 0.05);
  expect(Number(vMax)).toBeGreaterThanOrEqual(Number(hi) - span / 10);
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);

  // Pointer: a hidden unit of the MLP, named by its layer and place, drawn large and wholly in the window.
  const unit = nodeById(page, 'net').getByRole('img', { name: '2-8-8-1 tanh · layer 2, unit 3 over the input plane' });
  await unit.hover();
  await expect(popover).toContainText('2-8-8-1 tanh · layer 2, unit 3');
  const big = (await popover.locator('canvas').boundingBox())!;
  expect(big.width).toBeGreaterThanOrEqual(160);
  await expectInWindow(page, popover, 'popover');
  // tanh: its values lie within the card's key, which is symmetric about 0 and at most ±1.
  const key = (await popover.textContent())!;
  const [, min, max] = key.match(/values (-?[\d.e-]+) … (-?[\d.e-]+)/)!;
  expect(Number(min)).toBeGreaterThanOrEqual(-1);
  expect(Number(max)).toBeLessThanOrEqual(1);
  expect(Number(min)).toBeLessThanOrEqual(Number(max));
  // The output unit is named by its port.
  await nodeById(page, 'net')
    .getByRole('img', { name: /layer 3, unit 1 \(output y0\) over the input plane/ })
    .hover();
  await expect(popover).toContainText('(output y0)');
  await page.mouse.move(5, 400);
  await expect(popover).toHaveCount(0);
});
