/**
 * The language menu: choosing Español changes the toolbar at once and survives a reload, and the
 * toolbar still fits a 1024 px window in Spanish, whose words are longer (the toolbar measures
 * itself and tightens, rather than cutting off its last controls).
 */
import { expect, type Page, test } from '@playwright/test';
import { cardValue, nodeById } from './helpers.ts';

/** The right edge of every toolbar control, against the window's width. */
const controlsOffScreen = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.toolbar button, .toolbar select')]
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 2)
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((el) => el.getAttribute('aria-label') ?? el.textContent),
  );

test('choosing Español switches the toolbar and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await expect(page.getByRole('button', { name: 'Open', exact: true })).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('button', { name: 'Abrir', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Modo' }).getByRole('button', { name: 'Enseñar' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Guardar', exact: true })).toBeVisible();
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
});

test.describe('at 1024 x 700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });
  for (const lang of ['en', 'es']) {
    test(`every toolbar control is on screen in ${lang}`, async ({ page }) => {
      await page.goto('/');
      await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
      await page.locator('.language-menu select').selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect.poll(() => controlsOffScreen(page)).toEqual([]);
    });
  }
});
