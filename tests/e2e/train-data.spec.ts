// The real data sets in Train mode: handwritten digits train to 93% and the digit pad shows a
// drawn digit on the canvas with the model's ten confidences; iris trains too.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { cardValue, nodeById, shot } from './helpers.ts';

const percent = async (cell: Locator) => Number.parseFloat((await cell.textContent()) ?? '') || 0;

/** The ten bars' texts ("12%"), digit 0 first. */
const confidences = (panel: Locator) =>
  Promise.all(Array.from({ length: 10 }, (_, k) => panel.getByRole('meter', { name: `Digit ${k}`, exact: true }).getAttribute('aria-valuetext')));

async function trainToTheEnd(page: Page, sample: string, facts: RegExp, epochs: number): Promise<Locator> {
  await page.goto(`/?sample=${sample}`);
  await expect(nodeById(page, 'L')).toBeVisible(); // the sample is in, not still on its way
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  // The data set is loaded (on demand) and the trainer built.
  await expect(panel.getByTestId('dataset-facts')).toHaveText(facts, { timeout: 30_000 });
  await panel.getByRole('combobox', { name: 'Speed' }).selectOption('Max');
  await panel.getByRole('button', { name: 'Play', exact: true }).click();
  // The sample's own epoch count ends the run.
  await expect(panel.getByTestId('epoch')).toHaveText(String(epochs), { timeout: 90_000 });
  await expect(panel.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  return panel;
}

test('real handwritten digits: 93% on the held-out 20%, then a drawn digit on the pad', async ({ page }, testInfo) => {
  test.setTimeout(150_000); // 40 epochs of a 2,500-node network on a shared 2-core machine
  const panel = await trainToTheEnd(page, 'digits-real-mlp', /1797 rows: 1438 train, 359 test/, 40);
  await expect(panel.getByRole('combobox', { name: 'Dataset' })).toHaveValue('digits-real');
  expect(await percent(panel.getByTestId('accuracy-test'))).toBeGreaterThanOrEqual(93);

  const pad = panel.getByTestId('digit-pad');
  await pad.scrollIntoViewIfNeeded();
  const before = await confidences(panel);
  expect(before.every((t) => /^\d+%$/.test(t ?? ''))).toBe(true);
  await expect(panel.getByText(/For data row \d+ \(shown on the canvas\)/)).toBeVisible();

  // A straight down stroke: the pad centres it and fills the height, so pixel columns 3 and 4
  // get 11, 12, 12, 12, 12, 12, 12, 11 of 16 (tests/digit-pad.test.ts works this out), the rest 0.
  const box = (await pad.boundingBox())!;
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height * 0.85, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => confidences(panel)).not.toEqual(before);
  await expect(panel.getByText('For your drawing, shown on the canvas.')).toBeVisible();
  // The canvas shows the drawn pixels on the model's input cards.
  await expect(cardValue(nodeById(page, 'p4'))).toHaveText('11');
  await expect(cardValue(nodeById(page, 'p28'))).toHaveText('12');
  await expect(cardValue(nodeById(page, 'p0'))).toHaveText('0');
  const drawn = await confidences(panel);
  const total = drawn.reduce((a, t) => a + Number.parseInt(t!, 10), 0);
  expect(Math.abs(total - 100)).toBeLessThanOrEqual(5); // ten rounded probabilities
  await shot(page, testInfo, 'digit-pad-one');

  await panel.getByRole('button', { name: 'Clear' }).click();
  await expect.poll(() => confidences(panel)).toEqual(before);
  await expect(panel.getByText(/For data row \d+/)).toBeVisible();
});

test('iris trains in Train mode to at least 93% test accuracy; no digit pad', async ({ page }, testInfo) => {
  const panel = await trainToTheEnd(page, 'iris-mlp', /150 rows: 120 train, 30 test · classification/, 100);
  await expect(panel.getByRole('combobox', { name: 'Dataset' })).toHaveValue('iris');
  expect(await percent(panel.getByTestId('accuracy-test'))).toBeGreaterThanOrEqual(93);
  await expect(panel.getByTestId('digit-pad')).toHaveCount(0);
  await expect(panel.getByLabel('Points')).toHaveCount(0); // a real set's rows are its own
  await shot(page, testInfo, 'iris');
});
