/**
 * axe-core on every screen a user meets: Build (with the inspector showing a card), the Samples
 * and Export menus, the keyboard-connect picker, Teach mid-step and Train. No serious or critical
 * violation may remain; each one found is listed by rule, impact and the elements it names.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { nodeById, select } from './helpers.ts';

// axe walks the whole page (colour contrast of every text node): slow on a shared 2-core machine.
test.setTimeout(300_000);

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`)
          .slice(0, 6)
          .join(' | ')}`,
    );
}

test('Build, inspector, menus and the connect picker: no serious or critical axe violations', async ({ page }) => {
  await page.goto('/?sample=chain-rule');
  await expect(nodeById(page, 'J')).toBeVisible();
  expect(await seriousViolations(page), 'Build').toEqual([]);

  await select(page, 'u');
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Label')).toHaveValue('u');
  expect(await seriousViolations(page), 'inspector').toEqual([]);

  await page.getByRole('button', { name: /^Samples/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  expect(await seriousViolations(page), 'Samples menu').toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /^Export/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  expect(await seriousViolations(page), 'Export menu').toEqual([]);
  await page.keyboard.press('Escape');

  await nodeById(page, 'b').focus();
  await page.keyboard.press('c');
  await expect(page.getByRole('dialog', { name: 'Connect from b' })).toBeVisible();
  expect(await seriousViolations(page), 'connect picker').toEqual([]);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menu', { name: 'b actions' })).toBeVisible();
  expect(await seriousViolations(page), 'card menu').toEqual([]);
});

test('Teach and Train: no serious or critical axe violations', async ({ page }) => {
  await page.goto('/?sample=chain-rule');
  await expect(nodeById(page, 'J')).toBeVisible();
  await page.getByRole('button', { name: 'Teach', exact: true }).click();
  const teach = page.getByRole('complementary', { name: 'Teach panel' });
  for (let i = 0; i < 9; i++)
    await teach
      .getByRole('button', { name: /^Step (forward|backward)$/ })
      .and(page.locator(':enabled'))
      .first()
      .click();
  await expect(page.getByTestId('live-polite')).toContainText('Backward');
  expect(await seriousViolations(page), 'Teach').toEqual([]);

  await page.goto('/?sample=xor-mlp');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const train = page.getByRole('complementary', { name: 'Train panel' });
  await expect(train.getByTestId('initial-loss')).not.toHaveText('–');
  expect(await seriousViolations(page), 'Train').toEqual([]);
});
