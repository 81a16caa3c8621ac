/**
 * The common area in Spanish: Build's edge-derivative tooltip (numbers with a decimal comma) and
 * the Train panel's tab on a narrow screen.
 */
import { expect, test } from '@playwright/test';

test('Spanish: the edge tooltip and the Train panel tab', async ({ page }) => {
  await page.goto('/?sample=xor-mlp');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await page.locator('.teach-toggle').click();
  // hidden.y0 → output: the true local derivative σ′(z)·w ≈ −0.122, upstream −0.7313.
  await page.locator('.react-flow__edge[data-id^="h->out:"]').first().focus();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('Derivada local');
  await expect(tip).toContainText('∂output/∂hidden.y0 = −0,122');
  await expect(tip).toContainText('Gradiente entrante');
  await expect(tip).toContainText('∂L/∂output = −0,7313');
  await expect(tip).toContainText('Contribución a ∂L/∂hidden.y0');

  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: 'Entrenar', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Panel de entrenamiento' })).toBeVisible();
});
