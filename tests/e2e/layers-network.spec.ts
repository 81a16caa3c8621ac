/**
 * A layer's network view: a 2-8-8-1 mlp built from the palette draws one line per weight, a hovered
 * line says its weight and gradient as the inspector's grid does, a clicked line opens its grid
 * cell, and the +/- buttons resize the network keeping every untouched weight (read from the grid,
 * as a user reads it), each one undo step.
 */
import { expect, test, type Page } from '@playwright/test';
import { connect, dropOp, nodeById, select, setField, shot } from './helpers.ts';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Every cell of the inspector's weight grids: its name (W1[i,j], b1[i]) -> the full number its tooltip gives. */
async function gridNumbers(page: Page): Promise<Map<string, string>> {
  const cells = await inspector(page)
    .locator('.wgrid input')
    .evaluateAll((inputs) => inputs.map((i) => [i.getAttribute('aria-label') ?? '', i.getAttribute('title') ?? ''] as const));
  return new Map(cells.map(([name, title]) => [name, title.slice(title.indexOf('=') + 2)]));
}

/** Weights per layer of 2 inputs and layers of `sizes`: what the view must draw as lines. */
const lineCount = (sizes: number[]) => sizes.reduce((n, units, L) => n + units * (L === 0 ? 2 : sizes[L - 1]), 0);

/** The cells of `after` that should be `before`'s: `keep(name)` gives the name it had before, or undefined for a new one. */
function expectKept(before: Map<string, string>, after: Map<string, string>, keep: (name: string) => string | undefined) {
  let kept = 0;
  for (const [name, value] of after) {
    const was = keep(name);
    if (was === undefined) continue;
    expect(value, `${name} keeps ${was}'s value`).toBe(before.get(was));
    kept++;
  }
  return kept;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parses a cell name: W2[3,4] -> { kind: 'W', layer: 2, i: 3, j: 4 }. */
function cell(name: string) {
  const m = /^([Wb])(\d+)\[(\d+)(?:,(\d+))?\]$/.exec(name)!;
  return { kind: m[1], layer: Number(m[2]), i: Number(m[3]), j: m[4] === undefined ? undefined : Number(m[4]) };
}

test('the network view of a 2-8-8-1 mlp: lines, hover, click to the grid, and +/- that keep the other weights', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/');
  await page.getByRole('button', { name: 'New' }).click();
  const x1 = await dropOp(page, 'input', 80, 120);
  await setField(page, 'Value', '0.5');
  const x2 = await dropOp(page, 'input', 80, 320);
  await setField(page, 'Value', '-0.25');
  const net = await dropOp(page, 'mlp', 300, 140);
  await setField(page, 'Layer sizes', '8, 8, 1');
  await connect(page, x1, net, 0);
  await connect(page, x2, net, 1);
  await select(page, net);

  const card = nodeById(page, net);
  const toggle = card.getByRole('button', { name: 'Network view' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const lines = card.getByTestId('netview-line');
  await expect(lines).toHaveCount(88);
  expect(lineCount([8, 8, 1])).toBe(88);
  await expect(card.getByTestId('netview-count')).toHaveText(['2', '8', '8', '1']);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await shot(page, testInfo, 'network-2-8-8-1');

  // Hovering a line shows its weight and ∂L/∂w: the numbers the grid shows for that cell.
  const original = await gridNumbers(page);
  expect(original.size).toBe(88 + 8 + 8 + 1);
  const w = card.locator('[data-weight="W2[1,1]"]');
  await w.hover();
  const tip = card.getByTestId('netview-tip');
  const shownW = await inspector(page).getByLabel('W2[1,1]', { exact: true }).inputValue();
  const shownGrad = await inspector(page).locator('.wgrid__grad[aria-label$="/∂W2[1,1]"]').textContent();
  await expect(tip).toHaveText(new RegExp(`^${literal(`W2[1,1] = ${shownW}`)}∂.+/∂${literal(`W2[1,1] = ${shownGrad}`)}$`));
  await shot(page, testInfo, 'network-hover');

  // Clicking a line opens that weight's cell in the inspector.
  await card.locator('[data-weight="W3[1,8]"]').click();
  await expect(inspector(page).getByLabel('W3[1,8]', { exact: true })).toBeFocused();
  await page.mouse.move(5, 5);

  // The gradient switch draws ∂L/∂w, and says so in the legend.
  await card.getByLabel(/^Show ∂.+\/∂w$/).check();
  await expect(card.locator('.netview__legend')).toContainText('∂');
  await shot(page, testInfo, 'network-gradient');
  await card.getByLabel(/^Show ∂.+\/∂w$/).uncheck();

  const undo = page.getByRole('button', { name: 'Undo' });
  /** One click of `button`, its effect checked, then one Undo puts every number back. */
  async function resize(button: string, step: string, sizes: number[], keep: (name: string) => string | undefined, minKept: number) {
    await card.getByRole('button', { name: button }).click();
    await expect(lines).toHaveCount(lineCount(sizes));
    await expect(card.getByTestId('netview-count')).toHaveText(['2', ...sizes.map(String)]);
    await expect(inspector(page).getByLabel('Layer sizes')).toHaveValue(sizes.join(', '));
    const after = await gridNumbers(page);
    expect(after.size).toBe(lineCount(sizes) + sizes.reduce((a, b) => a + b, 0));
    expect(expectKept(original, after, keep)).toBeGreaterThanOrEqual(minKept);
    await expect(undo).toHaveAttribute('title', new RegExp(`^Undo ${literal(step)} \\(`));
    await undo.click();
    await expect(lines).toHaveCount(88);
    expect(await gridNumbers(page)).toEqual(original);
  }

  // A unit more in layer 1: its new row and layer 2's new column are drawn; all else stays.
  await resize(
    'Add a unit to layer 1',
    `Add a unit to layer 1 of ${net}`,
    [9, 8, 1],
    (n) => {
      const c = cell(n);
      if (c.layer === 1 && c.i === 9) return undefined;
      if (c.layer === 2 && c.j === 9) return undefined;
      return n;
    },
    88 + 17,
  );
  // A unit less in layer 2: its row, and the output's weight on it, go.
  await resize('Remove a unit from layer 2', `Remove a unit from layer 2 of ${net}`, [8, 7, 1], (n) => n, 16 + 56 + 7 + 8 + 7 + 1);
  // A hidden layer more (before the output): layers 1 and 2 stay, the output's bias moves to layer 4.
  await resize(
    'Add a hidden layer',
    `Add a hidden layer of 8 units to ${net}`,
    [8, 8, 8, 1],
    (n) => {
      const c = cell(n);
      if (c.layer <= 2) return n;
      if (c.layer === 4 && c.kind === 'b') return 'b3[1]';
      return undefined;
    },
    16 + 64 + 16 + 1,
  );
  // A hidden layer less: layer 1 and the output's bias stay; the output's weights read other units now.
  await resize(
    'Remove a hidden layer',
    `Remove hidden layer 2 of ${net}`,
    [8, 1],
    (n) => {
      const c = cell(n);
      if (c.layer === 1) return n;
      if (c.layer === 2 && c.kind === 'b') return 'b3[1]';
      return undefined;
    },
    16 + 8 + 1,
  );
});

test('the network view in Teach and Train: ∂L/∂w once the backward pass reaches the layer, and while training', async ({ page }, testInfo) => {
  await page.goto('/?sample=spiral-mlp');
  const card = nodeById(page, 'net');
  await expect(card).toBeVisible();
  await select(page, 'net');
  // The gradient Build computes for a weight: what Teach's backward pass must arrive at.
  const buildGrad = await inspector(page).locator('.wgrid__grad[aria-label$="/∂W3[1,1]"]').textContent();
  await card.getByRole('button', { name: 'Network view' }).click();
  await expect(card.getByTestId('netview-line')).toHaveCount(88);

  await page.getByRole('button', { name: 'Teach' }).click();
  await page.getByRole('button', { name: 'Run forward' }).click();
  const gradientSwitch = card.getByLabel(/^Show ∂.+\/∂w$/);
  await expect(gradientSwitch).toHaveCount(0);
  await page.getByRole('button', { name: 'Run backward' }).click();
  await gradientSwitch.check();
  await expect(card.locator('.netview__legend')).toContainText('∂L/∂w > 0');
  await card.locator('[data-weight="W3[1,1]"]').hover();
  await expect(card.getByTestId('netview-tip')).toContainText(`∂L/∂W3[1,1] = ${buildGrad}`);
  await shot(page, testInfo, 'network-teach-gradient');
  await page.mouse.move(5, 5);

  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await panel.getByRole('button', { name: 'Step epoch' }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('1');
  // While training the shape stays as it is; the lines follow the trained weights.
  await expect(card.getByRole('button', { name: 'Add a unit to layer 1' })).toHaveCount(0);
  await expect(gradientSwitch).toBeChecked();
  await card.locator('[data-weight="W3[1,1]"]').hover();
  await expect(card.getByTestId('netview-tip')).toContainText(/^W3\[1,1\] = -?[\d.]+∂L\/∂W3\[1,1\] = -?[\d.e-]+$/);
  await shot(page, testInfo, 'network-train-gradient');
});
