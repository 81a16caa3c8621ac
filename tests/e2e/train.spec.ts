/** Train mode as a new user meets it: train the XOR sample live, pause, load a bad CSV, reset. */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { nodeById, shot } from './helpers.ts';

const lossOf = async (page: Page, testId: string) => Number(await page.getByTestId(testId).textContent());
const epochOf = async (panel: Locator) => Number((await panel.getByTestId('epoch').textContent())?.replace(/,/g, ''));

test('train XOR live: loss falls, accuracy reaches 100%, pause keeps the weights, CSV errors, reset repeats the start', async ({ page }, testInfo) => {
  await page.goto('/?sample=xor-mlp');
  await expect(nodeById(page, 'out')).toBeVisible();
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await expect(panel).toBeVisible();

  // Before training: the initial loss of the seeded parameters, epoch 0.
  await expect(panel.getByTestId('epoch')).toHaveText('0');
  await expect(panel.getByTestId('initial-loss')).not.toHaveText('–');
  const initial = await panel.getByTestId('initial-loss').textContent();
  await shot(page, testInfo, 'train-01-before');

  // The sample's 500 epochs are the default limit: the run may end before Pause is even seen.
  await expect(panel.getByLabel('Stop at epoch')).toHaveValue('500');
  await panel.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(panel.getByTestId('epoch')).not.toHaveText('0');
  await expect.poll(() => lossOf(page, 'train-loss'), { timeout: 30_000 }).toBeLessThan(0.05);
  await expect(panel.getByTestId('metric-accuracy')).toContainText('Accuracy');
  await expect(panel.getByTestId('accuracy-train')).toHaveText('100%', { timeout: 30_000 });
  // The canvas follows training: thumbnails and parameters on the layer cards.
  await expect(nodeById(page, 'h').getByTestId('train-params')).toBeVisible();

  // Pause (if the epoch limit has not already stopped the run): the trained weights are on the nodes.
  const pause = panel.getByRole('button', { name: 'Pause', exact: true });
  if (await pause.isVisible()) await pause.click();
  await expect(panel.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const trainedLoss = await lossOf(page, 'train-loss');
  expect(trainedLoss).toBeLessThan(0.05);
  await expect(nodeById(page, 'h').getByTestId('train-params')).toBeVisible();
  const params = await nodeById(page, 'out').getByTestId('train-params').textContent();
  expect(params).toMatch(/w0_0/);
  // The output card shows the trained network's answer for the sample on the canvas (a 0/1 label).
  const out = Number(await nodeById(page, 'out').getByTestId('node-output-value').first().textContent());
  expect(Math.min(Math.abs(out), Math.abs(1 - out))).toBeLessThan(0.3);
  // Back in Build mode and in again: the weights stayed in the graph (one undoable change).
  await page.getByRole('button', { name: 'Build' }).click();
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(panel.getByTestId('train-loss')).not.toHaveText('–');
  expect(await lossOf(page, 'train-loss')).toBeLessThan(0.05);
  await shot(page, testInfo, 'train-02-trained');
  // Save: the file carries the trained weights in the layer macros and the settings used.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  const h = saved.nodes.find((n: { id: string }) => n.id === 'h');
  expect(h.attrs.W).toHaveLength(2);
  expect(saved.training).toMatchObject({ dataset: 'xor-table', optimizer: 'adam', lr: 0.1, seed: 1 });

  // A CSV with a bad row: the error names the line and column; nothing crashes.
  await panel
    .getByLabel('Load a CSV file')
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,y\n0,0,0\n0,1,1\n1,0,oops\n1,1,0\n') });
  await expect(panel.getByTestId('train-error')).toContainText('bad.csv: line 4, column 3 ("y"): "oops" is not a number');
  await shot(page, testInfo, 'train-03-bad-csv');
  // A good CSV with other column names: map them to the inputs.
  await panel.getByLabel('Load a CSV file').setInputFiles({ name: 'ab.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n') });
  await expect(panel.getByTestId('train-error')).toContainText('Input "x1" has no column in ab.csv: pick one');
  await panel.getByLabel('Column for x1').selectOption('a');
  await panel.getByLabel('Column for x2').selectOption('b');
  await expect(panel.getByTestId('train-error')).toHaveCount(0);
  await expect(panel.getByTestId('dataset-facts')).toContainText('4 rows');

  // Back to the XOR table; Reset twice gives the same initial loss as the first time.
  await panel.getByLabel('Dataset').selectOption('xor-table');
  await panel.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('0');
  await expect(panel.getByTestId('initial-loss')).toHaveText(initial!);
  await panel.getByRole('button', { name: 'Step epoch' }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('1');
  await panel.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('0');
  await expect(panel.getByTestId('initial-loss')).toHaveText(initial!);
});

test('spiral: decision boundary, unit thumbnails and test points', async ({ page }, testInfo) => {
  await page.goto('/?sample=spiral-mlp');
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await expect(panel.getByTestId('boundary-heatmap')).toBeVisible();
  await expect(nodeById(page, 'net').locator('canvas.train-thumb')).toHaveCount(17);
  // The model's own epoch count is the default limit; clearing it trains until paused.
  await expect(panel.getByLabel('Stop at epoch')).toHaveValue('1000');
  await panel.getByLabel('Stop at epoch').fill('');
  await panel.getByLabel('Stop at epoch').press('Enter');
  await panel.getByRole('combobox', { name: 'Speed' }).selectOption('Max');
  await panel.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => epochOf(panel), { timeout: 30_000 }).toBeGreaterThan(300);
  await panel.getByLabel('Show test data').check();
  await panel.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await shot(page, testInfo, 'train-04-spiral');
  // The lower half of the panel: metrics, optimisation, data and bindings.
  await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(panel.getByLabel('Learning rate')).toBeInViewport();
  await shot(page, testInfo, 'train-05-settings');
  // A live change shows in the controls (they used to spring back to the configured values).
  await panel.getByLabel('Learning rate').selectOption('0.1');
  await expect(panel.getByLabel('Learning rate')).toHaveValue('0.1');
  await panel.getByLabel('Optimizer').selectOption('adam');
  await expect(panel.getByLabel('Optimizer')).toHaveValue('adam');
});

test('Speed paces Play (slow presets far below Max, changed mid-run); Step batch trains one step', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto('/?sample=spiral-mlp');
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  const speed = panel.getByRole('combobox', { name: 'Speed' });
  await expect(speed).toHaveValue('200 epochs/s');
  await expect(panel.getByTestId('steps')).toHaveText('0');
  // Step batch: one of the epoch's 40 mini-batches (400 training rows, batch 10).
  await panel.getByRole('button', { name: 'Step batch' }).click();
  await expect(panel.getByTestId('steps')).toHaveText('1');
  await expect(panel.getByTestId('epoch')).toHaveText('0');
  await shot(page, testInfo, 'train-06-speed');
  await panel.getByLabel('Stop at epoch').fill('');
  await panel.getByLabel('Stop at epoch').press('Enter');

  // Max: how long 200 epochs take on this machine.
  await speed.selectOption('Max');
  const maxStart = Date.now();
  await panel.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => epochOf(panel), { timeout: 30_000 }).toBeGreaterThan(200);
  const maxMs = Date.now() - maxStart;
  await panel.getByRole('button', { name: 'Pause', exact: true }).click();
  await panel.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('0');

  // 5 epochs/s for at least as long (and at least 2 s): it trains, but nowhere near 200 epochs.
  await speed.selectOption('5 epochs/s');
  const slowStart = Date.now();
  await panel.getByRole('button', { name: 'Play', exact: true }).click();
  const slowMs = Math.max(maxMs, 2000);
  await expect.poll(() => Date.now() - slowStart, { timeout: slowMs + 10_000 }).toBeGreaterThanOrEqual(slowMs);
  const slowEpoch = await epochOf(panel);
  const allowed = Math.ceil(5 * ((Date.now() - slowStart) / 1000) * 2) + 5; // twice the pace, and some
  expect(slowEpoch).toBeGreaterThan(0);
  expect(slowEpoch).toBeLessThanOrEqual(Math.min(allowed, 100));
  // Max mid-run: the same run speeds up without a pause.
  await speed.selectOption('Max');
  await expect.poll(() => epochOf(panel), { timeout: 30_000 }).toBeGreaterThan(slowEpoch + 200);
  await expect(panel.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('a newly opened sample brings its own dataset, in Train mode and from Build mode', async ({ page }) => {
  await page.goto('/?sample=xor-mlp');
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await expect(panel.getByTestId('dataset-facts')).toContainText('4 rows');
  await expect(panel.getByLabel('Dataset')).toHaveValue('xor-table');
  await page.getByRole('button', { name: /Samples/ }).click();
  await page.getByRole('menuitem', { name: 'Spiral mlp' }).click();
  await expect(panel.getByLabel('Dataset')).toHaveValue('spiral');
  await expect(panel.getByTestId('dataset-facts')).toContainText('500 rows');
  await expect(panel.getByLabel('Points')).toHaveValue('500');
  await expect(panel.getByLabel('Stop at epoch')).toHaveValue('1000');
  await expect(panel.getByTestId('train-error')).toHaveCount(0);
  // Data comes right after the loss, before the metrics and settings.
  const top = async (name: string) => (await panel.getByRole('heading', { name, exact: true }).boundingBox())!.y;
  expect(await top('Data')).toBeLessThan(await top('Metrics'));
  expect(await top('Inputs and targets')).toBeLessThan(await top('Optimisation'));
  // From Build mode: the next sample still replaces the dataset.
  await page.getByRole('button', { name: 'Build' }).click();
  await page.getByRole('button', { name: /Samples/ }).click();
  await page.getByRole('menuitem', { name: 'Softmax classifier' }).click();
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(panel.getByLabel('Dataset')).toHaveValue('blobs3');
  await expect(panel.getByLabel('Stop at epoch')).toHaveValue('40');
  await expect(panel.getByTestId('train-error')).toHaveCount(0);
});

test('a plain weight: after training, a change of data and Reset, the start is the same again', async ({ page }) => {
  await page.goto('/?sample=km-to-miles');
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await expect(panel.getByTestId('initial-loss')).not.toHaveText('–');
  const initial = await panel.getByTestId('initial-loss').textContent();
  for (let i = 0; i < 3; i++) await panel.getByRole('button', { name: 'Step epoch' }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('3');
  // The trained weight is now in the graph; switching the dataset and back rebuilds the trainer.
  await panel.getByLabel('Dataset').selectOption('plane');
  await panel.getByLabel('Dataset').selectOption('km-to-miles');
  await expect(panel.getByTestId('train-error')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('0');
  await expect(panel.getByTestId('initial-loss')).toHaveText(initial!);
});
