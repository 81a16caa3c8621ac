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
  const shown = panel.getByTestId('sample-shown');
  await expect(shown).toContainText(/Sample: row \d+ · (train|test)/);
  const before = await shown.textContent();
  const x1Before = await nodeById(page, 'x1').getByTestId('node-value').textContent();
  const plot = page.locator('.train-boundary__plot');
  const box = (await plot.boundingBox())!;
  // The spiral's arms cover the picture: clicks along a diagonal soon land on a point.
  let picked = false;
  for (let f = 0.1; f < 0.95 && !picked; f += 0.02) {
    await plot.click({ position: { x: box.width * f, y: box.height * (1 - f) } });
    picked = (await shown.textContent()) !== before;
  }
  expect(picked).toBe(true);
  const row = Number((await shown.textContent())!.match(/row (\d+)/)![1]);
  // The row number field in "Inputs and targets" follows, and the canvas shows another sample.
  await expect(panel.getByLabel(/Sample shown on the canvas/)).toHaveValue(String(row));
  await expect(nodeById(page, 'x1').getByTestId('node-value')).not.toHaveText(x1Before!);
  // Away from every point a click changes nothing.
  await plot.click({ position: { x: 2, y: 2 } });
  await expect(shown).toContainText(`row ${row} `);
});
