/**
 * A newcomer's first minutes: the welcome on a first visit (and not once closed), its three ways
 * in, Help's shortcuts and legend, the Samples menu in teaching order, New asking before it throws
 * work away, and Teach's caption staying put.
 */
import { expect, type Page, test } from '@playwright/test';
import { cardValue, nodeById, shot } from './helpers.ts';

// A first visit: nothing stored in this browser (the config starts other tests with the welcome closed).
test.use({ storageState: { cookies: [], origins: [] } });

const welcome = (page: Page) => page.getByRole('region', { name: 'Welcome to GraphGrad' });
const help = (page: Page) => page.getByRole('dialog', { name: 'Help' });

test('the welcome shows on a first visit, over nothing, and not again once closed', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(welcome(page)).toBeVisible();
  for (const way of ['Learn: step through the chain rule', 'Build from scratch', 'Open a sample'])
    await expect(welcome(page).getByRole('button', { name: way })).toBeVisible();
  // The first visit's sample is there beside it, computed, and not covered.
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  const band = (await welcome(page).boundingBox())!;
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  expect(pane.y).toBeGreaterThanOrEqual(band.y + band.height - 1);
  await shot(page, testInfo, 'welcome-first-visit');

  await welcome(page).getByRole('button', { name: 'Close the welcome' }).click();
  await expect(welcome(page)).toHaveCount(0);
  await page.reload();
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await expect(welcome(page)).toHaveCount(0);

  // Help brings the ways in back.
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await expect(help(page).getByRole('button', { name: 'Build from scratch' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help(page)).toHaveCount(0);
});

test('a deep link goes straight to its graph and mode, without the welcome, and leaves the address bar', async ({ page }) => {
  await page.goto('/?sample=xor-mlp&mode=teach');
  await expect(page.locator('.toolbar__title')).toHaveText('XOR with a 2-2-1 sigmoid network');
  await expect(page.getByRole('button', { name: 'Teach', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(welcome(page)).toHaveCount(0);
  // The link has done its job: a reload brings back the user's graph in Build, not the link again.
  await expect.poll(() => new URL(page.url()).search).toBe('');
});

test('Learn opens the chain-rule lesson at its first step; the welcome stays closed', async ({ page }) => {
  await page.goto('/');
  await welcome(page).getByRole('button', { name: 'Learn: step through the chain rule' }).click();
  const panel = page.getByRole('complementary', { name: 'Learn panel' });
  await expect(panel.getByRole('heading', { name: 'A computational graph: J = 3(a + bc)' })).toBeVisible();
  await expect(panel.getByTestId('learn-step-of')).toHaveText(/^Step 1 of \d+$/);
  await expect(page.getByRole('button', { name: 'Learn', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.toolbar__title')).toContainText('J = 3(a + bc)');
  await expect(welcome(page)).toHaveCount(0);
  await page.reload();
  await expect(welcome(page)).toHaveCount(0);
});

test('Build from scratch starts an empty graph with the palette search focused', async ({ page }) => {
  await page.goto('/');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await welcome(page).getByRole('button', { name: 'Build from scratch' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByPlaceholder('Search ops')).toBeFocused();
  await page.keyboard.type('sigm');
  await expect(page.locator('.palette__item[data-op="sigmoid"]')).toBeVisible();
  await expect(welcome(page)).toHaveCount(0);
});

test('Open a sample opens the Samples menu: chain rule first, grouped for teaching', async ({ page }, testInfo) => {
  await page.goto('/');
  await welcome(page).getByRole('button', { name: 'Open a sample' }).click();
  const menu = page.getByRole('menu', { name: 'Samples' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await expect(menu.getByRole('menuitem').first()).toContainText('Chain rule');
  await expect(menu.locator('.menu__group')).toHaveText(['Foundations', 'Networks', 'Data']);
  // Every item says something different on its second line.
  const details = await menu.locator('.menu__detail').allTextContents();
  expect(details.length).toBeGreaterThanOrEqual(13);
  expect(new Set(details).size).toBe(details.length);
  await shot(page, testInfo, 'samples-menu');
  await menu.getByRole('menuitem', { name: /^Sum over paths/ }).click();
  await expect(page.locator('.toolbar__title')).toHaveText('e = (a + b)(b + 1)');
});

test("Help's legend draws the cards, badges, edge chips and colours, and lists the shortcuts", async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = help(page);
  await expect(dialog).toBeVisible();
  const legend = dialog.getByRole('region', { name: 'What the cards and edges show' });
  // The cards are the canvas's own: the same value and gradient rows, the LOSS tag.
  const cards = legend.locator('.op-node');
  await expect(cards).toHaveCount(5);
  await expect(cards.nth(0).getByTestId('node-value')).toHaveText('6');
  await expect(cards.nth(0).getByTestId('node-grad')).toHaveText('∂J/∂u3');
  await expect(cards.nth(1).locator('.op-node__loss-tag')).toHaveText('loss');
  await expect(legend.getByTestId('node-badge')).toHaveText(['needs input', 'not finite', 'error']);
  // The edge chips: local derivative ×2 over contribution 6, and spelled out.
  await expect(legend.locator('.teach-edge-label.is-compact')).toHaveText('×26');
  await expect(legend.locator('.teach-edge-label:not(.is-compact)')).toHaveText('∂u/∂b= 2→ 6');
  // The purple of the gradient is the cards' own.
  const purple = await legend
    .locator('.op-node__grad')
    .first()
    .evaluate((el) => getComputedStyle(el).color);
  expect(
    await legend
      .locator('.teach-edge-label__contrib')
      .first()
      .evaluate((el) => getComputedStyle(el).color),
  ).toBe(purple);
  await expect(legend.getByRole('listitem').filter({ hasText: 'Inputs and parameters' })).toBeVisible();
  await expect(legend.locator('.legend__swatch')).toHaveCount(6);
  // The shortcuts: Teach's from its key table, the editor's as its handlers take them.
  const keys = dialog.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(keys.getByRole('table', { name: 'Teach' }).getByRole('row')).toHaveText([/→\s*Step$/, /←\s*Step back$/, /Space\s*Play\/pause$/]);
  await expect(keys.getByRole('row', { name: /Quick add/ })).toContainText('/');
  // Wiring from the keyboard, as the connect picker takes it.
  await expect(keys.getByRole('row', { name: /Connect: start a wire/ })).toContainText('C');
  await shot(page, testInfo, 'help-legend');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('New asks before replacing a changed graph, says Undo brings it back, and Undo does', async ({ page }, testInfo) => {
  await page.goto('/?sample=chain-rule');
  const newButton = page.getByRole('button', { name: 'New', exact: true });
  // Unchanged since it was opened: New replaces it at once.
  await newButton.click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');

  // a = 5 -> 7: J = 3(7 + 6) = 39.
  await nodeById(page, 'a').locator('.op-node__header').click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Value', { exact: true }).fill('7');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('39');
  await newButton.click();
  const ask = page.getByRole('alertdialog', { name: 'Replace this graph with an empty one?' });
  await expect(ask).toContainText('Undo');
  await expect(ask.getByRole('button', { name: 'Keep this graph' })).toBeFocused();
  await shot(page, testInfo, 'new-asks');
  await ask.getByRole('button', { name: 'Keep this graph' }).click();
  await expect(ask).toHaveCount(0);
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('39');

  await newButton.click();
  await ask.getByRole('button', { name: 'Start an empty graph' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('39');

  // Saved: nothing to lose, so no question.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save' }).click();
  await download;
  await newButton.click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
});

test("Teach's formula caption stays on screen until the next step", async ({ page }) => {
  await page.clock.install();
  await page.goto('/?sample=chain-rule');
  await page.getByRole('button', { name: 'Teach', exact: true }).click();
  const step = page.getByRole('button', { name: 'Step forward', exact: true });
  await step.click();
  // samples/chain-rule.json: the first forward step computes a = 5, the next b = 3.
  const formula = page.getByTestId('teach-caption').locator('.formula');
  await expect(formula).toHaveAttribute('aria-label', 'a = 5');
  // A minute later (the caption used to fade after 6 s) it is still there.
  await page.clock.fastForward(60_000);
  await expect(formula).toBeVisible();
  await expect(formula).toHaveAttribute('aria-label', 'a = 5');
  await step.click();
  await expect(formula).toHaveAttribute('aria-label', 'b = 3');
});
