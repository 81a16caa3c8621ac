// What the README promises a fresh machine: the editor opens with the chain-rule sample, computed.
import { expect, test } from '@playwright/test';
import { cardValue, nodeById } from './helpers.ts';

test('a first visit opens the chain-rule sample with J = 3(a + bc) = 33', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('J = 3(a + bc)');
  // samples/chain-rule.json: a = 5, b and c are 3 and 2, so J = 3 · (5 + 3 · 2) = 33.
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
});
