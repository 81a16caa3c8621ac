/**
 * Overfitting made visible: the overfitting sample's test loss climbs while its train loss falls,
 * the loss chart's legend names train, validation and test, early stopping marks the best epoch,
 * and a layer's dropout is set in the inspector.
 */
import { expect, test, type Page } from '@playwright/test';
import { nodeById, select } from './helpers.ts';

const lossOf = async (page: Page, testId: string) => Number(await page.getByTestId(testId).textContent());

test.setTimeout(180_000); // two full runs on a loaded 2-core machine

test('overfitting sample: test loss turns up, legend, early stopping marks the best epoch, dropout in the inspector', async ({ page }, testInfo) => {
  await page.goto('/?sample=overfitting');
  await expect(nodeById(page, 'net')).toBeVisible();
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await expect(panel.getByTestId('initial-loss')).not.toHaveText('–');

  // The legend names each line; Validation is there, dimmed, until early stopping holds rows out.
  const legend = panel.getByRole('list', { name: 'Loss curve legend' });
  await expect(legend.getByRole('listitem')).toHaveText(['Train', 'Validation', 'Test']);
  await expect(panel.getByTestId('validation-loss')).toHaveText('–');
  await expect(panel.getByTestId('dataset-facts')).toHaveText('160 rows: 80 train, 80 test · classification');

  // Train all 300 epochs at full speed: the train loss ends near 0, the test loss far above its start.
  await panel.getByLabel('Speed').selectOption('Max');
  await expect(panel.getByLabel('Stop at epoch')).toHaveValue('300');
  const initialTest = await lossOf(page, 'test-loss');
  await panel.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('300', { timeout: 60_000 });
  expect(await lossOf(page, 'train-loss')).toBeLessThan(0.1);
  expect(await lossOf(page, 'test-loss')).toBeGreaterThan(initialTest);
  await panel.locator('.train-chart').screenshot({ path: testInfo.outputPath('overfit-chart.png') });

  // Early stopping: validation rows are held out, the run stops, and the best epoch is marked.
  await panel.getByRole('checkbox', { name: /Early stopping/ }).check();
  await expect(legend.getByRole('listitem').nth(1)).not.toHaveClass(/train-legend__off/);
  // The sample holds 30% of the training rows out for validation; the test rows stay where they were.
  await expect(panel.getByTestId('dataset-facts')).toHaveText('160 rows: 56 train, 24 validation, 80 test · classification');
  await panel.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('0');
  await panel.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(panel.getByText(/Stopped early after epoch \d+: the validation loss has not improved for 20 epochs/)).toBeVisible({ timeout: 50_000 });
  const best = panel.getByTestId('best-epoch');
  await expect(best).toHaveText(/^Best epoch \d+$/);
  const bestEpoch = Number((await best.textContent())!.replace(/\D/g, ''));
  expect(Number(await panel.getByTestId('epoch').textContent())).toBe(bestEpoch + 20);
  await expect(panel.getByTestId('validation-loss')).not.toHaveText('–');
  await panel.locator('.train-chart').screenshot({ path: testInfo.outputPath('early-stop-chart.png') });

  // Dropout on the hidden layers, set in the inspector: the layer facts show it.
  await page.getByRole('button', { name: 'Build' }).click();
  await select(page, 'net');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByLabel('Dropout', { exact: true }).fill('0.5');
  await expect(inspector.getByText('W 16×2, b 16, relu, dropout 0.5')).toBeVisible();
  await expect(inspector.getByText('W 1×16, b 1, none', { exact: true })).toBeVisible();
  // A rate of 1 is refused with the engine's words, and the layer keeps 0.5.
  await inspector.getByLabel('Dropout', { exact: true }).fill('1');
  await expect(inspector.getByRole('status')).toContainText('attr "dropout" must be a number at least 0 and below 1 (got 1)');
  await inspector.getByLabel('Dropout', { exact: true }).blur();
  await expect(inspector.getByLabel('Dropout', { exact: true })).toHaveValue('0.5');
  // Teach offers a training step for a graph with dropout; ticking it starts the stepping over.
  await page.getByRole('button', { name: 'Teach' }).click();
  const training = page.getByRole('checkbox', { name: 'Training step (dropout drops)' });
  await expect(training).not.toBeChecked();
  await page.getByRole('button', { name: 'Run forward' }).click();
  await training.check();
  await expect(page.getByRole('button', { name: 'Run forward' })).toBeEnabled();
  // Train with it: dropout trains, and evaluation (the losses shown) is finite.
  await page.getByRole('button', { name: 'Train' }).click();
  await panel.getByRole('button', { name: 'Step epoch' }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('1');
  expect(Number.isFinite(await lossOf(page, 'test-loss'))).toBe(true);
});
