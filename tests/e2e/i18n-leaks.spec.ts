/**
 * In Spanish, no English is left on screen: a Spanish browser tours every mode, Help and the menus,
 * and at each stop the test reads what a user and a screen reader read (visible text, tooltips,
 * accessible names, placeholders) and looks for any English catalog string that has a different
 * Spanish one. This catches text the source scan cannot see (strings assembled at run time) and a
 * component that missed the language switch. Content is not interface: a model's own description
 * and a lesson's text are written in their author's language.
 */
import { expect, type Page, test } from '@playwright/test';
import { en } from '../../src/i18n/catalog/en/index.ts';
import { es } from '../../src/i18n/catalog/es/index.ts';
import { cardValue, nodeById, select } from './helpers.ts';

test.use({ locale: 'es-ES' });

type Tree = { [k: string]: string | Tree };
function pairs(a: Tree, b: Tree, out: [string, string][] = []): [string, string][] {
  for (const [k, v] of Object.entries(a)) {
    if (typeof v === 'string') out.push([v, b[k] as string]);
    else pairs(v, b[k] as Tree, out);
  }
  return out;
}
/**
 * English strings whose Spanish differs and that could not be mistaken for a symbol or a name: a
 * single lower-case word ("step", "output") is also an op or port name, which no language changes.
 */
const english = new Set(
  pairs(en as unknown as Tree, es as unknown as Tree)
    .filter(([e, s]) => e !== s && !e.includes('{{') && /\p{L}{3,}/u.test(e) && !/^\p{Ll}+$/u.test(e))
    .map(([e]) => e.trim()),
);

/** Content written by a model's or lesson's author, which stays in their language. */
const CONTENT = '[data-i18n-content]';

async function englishOnScreen(page: Page): Promise<string[]> {
  const read = await page.evaluate((content) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(content) || !el.checkVisibility()) continue;
      const text = n.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      if (el.closest(content)) continue;
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  }, CONTENT);
  return [...new Set(read.filter((t) => english.has(t)))];
}

test('a Spanish tour of Build, Help, the menus, Teach, Train and Learn shows no English interface text', async ({ page }) => {
  const leaks: Record<string, string[]> = {};
  const stop = async (where: string) => {
    const found = await englishOnScreen(page);
    if (found.length) leaks[where] = found;
  };

  await page.goto('/?sample=chain-rule');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await stop('build');
  await select(page, 'u');
  await stop('inspector');

  await page.locator('.help-button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await stop('help');
  await page.keyboard.press('Escape');

  for (const menu of ['.toolbar .menu > button']) {
    const buttons = page.locator(menu);
    for (let i = 0; i < (await buttons.count()); i++) {
      await buttons.nth(i).click();
      await stop(`menu ${i}`);
      await page.keyboard.press('Escape');
    }
  }

  await page.getByRole('group', { name: 'Modo' }).getByRole('button').nth(1).click();
  await stop('teach');
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  await stop('teach, backward');

  await page.goto('/?sample=xor-mlp');
  await page.getByRole('group', { name: 'Modo' }).getByRole('button').nth(2).click();
  await stop('train');

  await page.getByRole('group', { name: 'Modo' }).getByRole('button').nth(3).click();
  await stop('learn');

  expect(leaks).toEqual({});
});
