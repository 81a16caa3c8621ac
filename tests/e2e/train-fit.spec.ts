/** Train mode's fit plot (1-input regression) and the Playground feature toggles (2-D data). */
import { expect, test } from '@playwright/test';
import { cardValue, nodeById, nodeByLabel, shot } from './helpers.ts';

test('km to miles: the fit plot draws the data and a curve that moves with training; a clicked point is shown on the canvas', async ({ page }, testInfo) => {
  await page.goto('/?sample=km-to-miles');
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  // The worker starts on first use: on a busy machine that takes a few seconds.
  await expect(panel.getByRole('button', { name: 'Step epoch' })).toBeEnabled({ timeout: 30_000 });
  const figure = panel.getByRole('figure', { name: /^Fit plot: miles over km, 50 data points/ });
  await expect(figure).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Fit' })).toBeVisible();
  // No "why there is no decision boundary" note any more.
  await expect(panel.getByText('The decision boundary needs')).toHaveCount(0);
  const plot = panel.getByTestId('fit-plot');
  await expect(plot).toHaveAttribute('data-points', '50');
  await expect(figure.getByText('data', { exact: true })).toBeVisible();
  await expect(figure.getByText('model', { exact: true })).toBeVisible();

  // The curve is the prediction miles = w · km with w = 0.1: flat against the data's slope 0.62.
  const curve = panel.getByTestId('fit-curve');
  const before = await curve.getAttribute('d');
  expect(before).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+){99}$/);
  for (let i = 0; i < 3; i++) await panel.getByRole('button', { name: 'Step epoch' }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('3');
  await expect.poll(() => curve.getAttribute('d')).not.toBe(before);
  // After training the curve's right end rises from about 1.1 miles toward 6.5: it moves up the plot.
  const endY = (d: string | null) => Number(d!.split(' ').at(-1));
  expect(endY(await curve.getAttribute('d'))).toBeLessThan(endY(before) - 50);
  await shot(page, testInfo, 'fit-plot-trained');

  await plot.scrollIntoViewIfNeeded();
  // Click the data at km = 8 (every point lies on miles = 0.621 km), placed by the tick labels:
  // x ticks are centred under their place, y ticks end left of theirs.
  const tick = async (anchor: 'middle' | 'end', label: string) => {
    const b = (await plot
      .locator(`svg text[text-anchor="${anchor}"]`)
      .filter({ hasText: new RegExp(`^${label}$`) })
      .boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  const x8 = (await tick('middle', '8')).x;
  const y0 = (await tick('end', '0')).y;
  const y2 = (await tick('end', '2')).y;
  expect(x8).toBeGreaterThan((await tick('middle', '2')).x);
  const km = nodeById(page, 'km');
  const shownBefore = await cardValue(km).textContent();
  await page.mouse.click(x8, y0 + ((y2 - y0) / 2) * 0.621371 * 8);
  // The canvas shows that row: km close to 8 (the nearest point within the click radius).
  await expect.poll(async () => Number(await cardValue(km).textContent())).toBeGreaterThan(7.5);
  expect(Number(await cardValue(km).textContent())).toBeLessThan(8.5);
  expect(await cardValue(km).textContent()).not.toBe(shownBefore);
  // The plot rings the shown point, and says which row it is.
  const row = await panel.getByTestId('fit-shown').getAttribute('data-row');
  await expect(figure.getByText(`row ${row} on the canvas`)).toBeVisible();
  await expect(panel.getByLabel(/^Sample shown on the canvas/)).toHaveValue(row!);
  await expect(plot).toHaveAttribute('aria-valuetext', new RegExp(`^row ${row}: km 7\\.|^row ${row}: km 8\\.`));
  await shot(page, testInfo, 'fit-plot-clicked');

  // From the keyboard: the right arrow steps to the next point along km.
  const kmBefore = Number(await cardValue(km).textContent());
  await plot.focus();
  await page.keyboard.press('ArrowRight');
  await expect(plot).not.toHaveAttribute('aria-valuenow', row!);
  await expect.poll(async () => Number(await cardValue(km).textContent())).toBeGreaterThan(kmBefore);
});

test('spiral: the x₁² toggle adds an input bound to column x1^2, on the canvas and in the table; Undo removes it', async ({ page }, testInfo) => {
  await page.goto('/?sample=spiral-mlp');
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  // The worker starts on first use: on a busy machine that takes a few seconds.
  await expect(panel.getByRole('button', { name: 'Step epoch' })).toBeEnabled({ timeout: 30_000 });
  const table = panel.getByRole('table');
  await expect(table.getByRole('rowheader', { name: 'x1', exact: true })).toBeVisible();
  const toggle = panel.getByRole('button', { name: 'x₁²', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  for (const name of ['x₂²', 'x₁x₂', 'sin(x₁)', 'sin(x₂)']) await expect(panel.getByRole('button', { name, exact: true })).toBeVisible();
  const edges = await page.locator('.react-flow__edge').count();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // Bound: a feature row reading the derived column, and a card on the canvas wired into the mlp.
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'x1^2', exact: true }) });
  await expect(row.getByRole('cell', { name: 'feature' })).toBeVisible();
  await expect(row.getByRole('combobox')).toHaveValue('x1^2');
  await expect(nodeByLabel(page, 'x1^2')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges + 1);
  await expect(panel.getByTestId('train-error')).toHaveCount(0);
  // It trains: one epoch goes through with three inputs.
  await panel.getByRole('button', { name: 'Step epoch' }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('1');
  await shot(page, testInfo, 'feature-toggle-on');

  // One undo step back to before the toggle (the epoch's kept weights first).
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo Add input feature x1\^2/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(nodeByLabel(page, 'x1^2')).toHaveCount(0);
  await expect(table.getByRole('rowheader', { name: 'x1^2', exact: true })).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges);
});
