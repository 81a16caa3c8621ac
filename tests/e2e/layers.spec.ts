/** Layers a teacher can set and trust: weights typed into the inspector's grids, kept through Expand and Collapse. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cardValue, connect, dropOp, nodeById, nodeByLabel, select, setField, shot } from './helpers.ts';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** As the cards write numbers: 4 significant digits. */
const shown = (v: number) => String(Number(v.toPrecision(4)));

// A 2-2-2-2 sigmoid network, every weight and bias chosen by hand (rows units, columns inputs).
const W = [
  [
    [0.15, 0.2],
    [0.25, 0.3],
  ],
  [
    [0.4, 0.45],
    [0.5, 0.55],
  ],
  [
    [-0.6, 0.7],
    [0.8, -0.9],
  ],
];
const b = [
  [0.35, 0.35],
  [0.6, 0.6],
  [0.1, -0.2],
];
const x = [0.05, 0.1];

/** The activations of the first `layers` layers worked out by hand from W, b and x: a = σ(W a_prev + b). */
function handWorked(bias = b, layers = 3): number[] {
  let a = x;
  for (let L = 0; L < layers; L++) a = W[L].map((row, i) => sigmoid(row[0] * a[0] + row[1] * a[1] + bias[L][i]));
  return a;
}
const handWorked2 = () => handWorked(b, 2);

test('an mlp 2-2-2 typed into the weight grids computes the same collapsed, expanded and collapsed again', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'New' }).click();
  const x1 = await dropOp(page, 'input', 80, 120);
  await setField(page, 'Value', String(x[0]));
  const x2 = await dropOp(page, 'input', 80, 320);
  await setField(page, 'Value', String(x[1]));
  const net = await dropOp(page, 'mlp', 330, 180);
  await setField(page, 'Layer sizes', '2, 2, 2');
  await inspector(page).getByLabel('Hidden activation').selectOption('sigmoid');
  await inspector(page).getByLabel('Output activation').selectOption('sigmoid');
  await connect(page, x1, net, 0);
  await connect(page, x2, net, 1);
  await select(page, net);

  // Two outputs: no loss is guessed, and the inspector says how to mark one.
  await expect(inspector(page).getByText('several outputs, so no loss is chosen for you')).toBeVisible();
  await expect(nodeById(page, net).locator('.op-node')).not.toHaveClass(/is-loss/);

  // Every weight and bias, typed cell by cell; Enter and Tab both store.
  let n = 0;
  for (let L = 0; L < 3; L++) {
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j <= 2; j++) {
        const name = j === 2 ? `b${L + 1}[${i + 1}]` : `W${L + 1}[${i + 1},${j + 1}]`;
        const cell = inspector(page).getByLabel(name, { exact: true });
        await cell.fill(String(j === 2 ? b[L][i] : W[L][i][j]));
        await cell.press(n++ % 2 ? 'Tab' : 'Enter');
      }
    }
  }
  const outputs = nodeById(page, net).getByTestId('node-output-value');
  const want = handWorked().map(shown);
  await expect(outputs).toHaveText(want);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo Edit b3\[2\]/);

  // A cell refuses what is not a plain decimal, says why, and changes nothing.
  const w11 = inspector(page).getByLabel('W1[1,1]', { exact: true });
  await w11.fill('0x10');
  await w11.press('Enter');
  await expect(inspector(page).getByRole('status').filter({ hasText: '"0x10" is not a plain decimal number' })).toBeVisible();
  await w11.press('Escape');
  await expect(outputs).toHaveText(want);
  await shot(page, testInfo, 'layers-01-grid');
  await inspector(page).screenshot({ path: testInfo.outputPath('layers-01-inspector.png') });

  // Undo steps back exactly one cell edit (b3[2] back to 0), Redo brings it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(inspector(page).getByLabel('b3[2]', { exact: true })).toHaveValue('0');
  await expect(inspector(page).getByLabel('b3[1]', { exact: true })).toHaveValue('0.1');
  const undone = handWorked([b[0], b[1], [0.1, 0]]).map(shown);
  await expect(outputs).toHaveText(undone);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(outputs).toHaveText(want);

  // Expand: the output primitives, named in the lecture's notation, show the same numbers.
  await page.getByRole('button', { name: 'Expand' }).click();
  await expect(nodeById(page, net)).toHaveCount(0);
  await expect(cardValue(nodeById(page, `${net}/l3/a0`))).toHaveText(want[0]);
  await expect(cardValue(nodeById(page, `${net}/l3/a1`))).toHaveText(want[1]);
  await expect(nodeByLabel(page, 'a3[2]')).toHaveCount(1);
  await expect(cardValue(nodeByLabel(page, 'W2[1,2]'))).toHaveText('0.45');
  await shot(page, testInfo, 'layers-02-expanded');

  // Collapse: the same again, and the grid holds what was typed.
  await page.getByRole('button', { name: `Collapse ${net}` }).click();
  await expect(nodeById(page, net)).toBeVisible();
  await expect(outputs).toHaveText(want);
  await select(page, net);
  await expect(inspector(page).getByLabel('W3[2,2]', { exact: true })).toHaveValue('-0.9');
  await shot(page, testInfo, 'layers-03-collapsed');

  // Output y1 as the loss: the grid shows ∂y1/∂w beside each weight, ∂y1/∂W3[2,1] = y1(1 − y1)·a2[1].
  await inspector(page).getByLabel('Use as loss').selectOption({ label: 'output y1' });
  await expect(nodeById(page, net).locator('.op-node')).toHaveClass(/is-loss/);
  const a2 = [handWorked2()[0], handWorked2()[1]];
  const y1 = handWorked()[1];
  await expect(inspector(page).getByLabel(`∂${net}/l3/a1/∂W3[2,1]`)).toHaveText(shown(y1 * (1 - y1) * a2[0]));
  await expect(inspector(page).getByLabel(`∂${net}/l3/a1/∂W3[1,1]`)).toHaveText('0');
  // The loss stays on y1 through Expand and Collapse.
  await page.getByRole('button', { name: 'Expand' }).click();
  await expect(nodeById(page, `${net}/l3/a1`).locator('.op-node')).toHaveClass(/is-loss/);
  await page.getByRole('button', { name: `Collapse ${net}` }).click();
  await expect(nodeById(page, net).locator('.op-node')).toHaveClass(/is-loss/);
  await select(page, net);
  await expect(inspector(page).getByLabel('Use as loss')).toHaveValue('1');

  // Save and reopen: the same file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save' }).click();
  const saved = testInfo.outputPath('saved.json');
  await (await download).saveAs(saved);
  const savedText = readFileSync(saved, 'utf8');
  expect(JSON.parse(savedText).nodes.find((n: { id: string }) => n.id === net).attrs.W).toEqual(W);
  await page.getByRole('button', { name: 'New' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open' }).click();
  await (await chooser).setFiles(saved);
  await expect(outputs).toHaveText(want);
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save' }).click();
  const resaved = testInfo.outputPath('resaved.json');
  await (await again).saveAs(resaved);
  expect(readFileSync(resaved, 'utf8')).toBe(savedText);
});

test('a pasted block fills the grid from the focused cell as one undo step; Zero and Initialize are one step each', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New' }).click();
  const x1 = await dropOp(page, 'input', 80, 120);
  const net = await dropOp(page, 'dense', 330, 180);
  await setField(page, 'Units', '2');
  await connect(page, x1, net, 0);
  await select(page, net);
  const cell = (name: string) => inspector(page).getByLabel(name, { exact: true });
  const seeded = await cell('W1[1,1]').inputValue();
  // Arrow keys move between cells: down a unit, right an input (from the end of the text).
  await cell('W1[1,1]').click();
  await page.keyboard.press('ArrowDown');
  await expect(cell('W1[2,1]')).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect(cell('b1[2]')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell('b1[1]')).toBeFocused();
  // Rows by newlines, columns by tabs (as a spreadsheet copies).
  await cell('W1[1,1]').focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '0.5\t-1\n2\t3\n');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(cell('W1[1,1]')).toHaveValue('0.5');
  await expect(cell('b1[1]')).toHaveValue('-1');
  await expect(cell('W1[2,1]')).toHaveValue('2');
  await expect(cell('b1[2]')).toHaveValue('3');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo Paste into layer 1/);
  await inspector(page).getByRole('button', { name: 'Zero' }).click();
  await expect(cell('b1[2]')).toHaveValue('0');
  await expect(cell('W1[1,1]')).toHaveValue('0');
  await inspector(page).getByRole('button', { name: 'Initialize' }).click();
  // The seeded draw the layer started with, biases 0.
  await expect(cell('W1[1,1]')).toHaveValue(seeded);
  await expect(cell('b1[1]')).toHaveValue('0');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cell('W1[1,1]')).toHaveValue('0');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cell('W1[1,1]')).toHaveValue('0.5');
  await expect(cell('b1[2]')).toHaveValue('3');
});
