/**
 * The app's shell in Spanish: a Spanish browser gets Spanish on its first visit, the language menu
 * overrides that for good, the welcome and Help read in Spanish, and a model saved in Spanish is
 * byte for byte the one saved in English.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { cardValue, nodeById } from './helpers.ts';

const toolbar = (page: Page) => page.getByRole('toolbar');

test.describe('a Spanish browser', () => {
  test.use({ locale: 'es-ES' });

  test('gets the Spanish toolbar on a first visit; choosing English switches it, and the choice survives a reload', async ({ page }) => {
    await page.goto('/');
    await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
    await expect(toolbar(page).getByRole('button', { name: 'Abrir', exact: true })).toBeVisible();
    await expect(toolbar(page).getByRole('button', { name: 'Guardar', exact: true })).toBeVisible();
    await expect(toolbar(page).getByRole('button', { name: 'Nuevo', exact: true })).toBeVisible();
    await expect(toolbar(page).getByRole('group', { name: 'Modo' }).getByRole('button', { name: 'Construir' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');

    await page.getByLabel('Idioma').selectOption('en');
    await expect(toolbar(page).getByRole('button', { name: 'Open', exact: true })).toBeVisible();
    await expect(toolbar(page).getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Build' })).toHaveAttribute('aria-pressed', 'true');
    await expect(toolbar(page).getByRole('button', { name: 'Abrir', exact: true })).toHaveCount(0);

    await page.reload();
    await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
    await expect(toolbar(page).getByRole('button', { name: 'Save', exact: true })).toBeVisible();
    await expect(page.getByLabel('Language')).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('Help reads in Spanish: ways in, shortcuts and the legend', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Ayuda', exact: true }).click();
    const help = page.getByRole('dialog', { name: 'Ayuda' });
    await expect(help.getByRole('heading', { name: 'Formas de empezar' })).toBeVisible();
    await expect(help.getByRole('button', { name: 'Construir desde cero' })).toBeVisible();
    await expect(help.getByRole('heading', { name: 'Atajos de teclado' })).toBeVisible();
    // A row of the shortcut table, key and description, and the tables' titles.
    await expect(help.getByRole('row', { name: /Seleccionar todo/ })).toContainText('A');
    await expect(help.getByRole('table', { name: 'Construir' })).toBeVisible();
    await expect(help.getByRole('table', { name: 'Menús, pesos y gráficas' })).toContainText('Cerrar un menú o un diálogo');
    await expect(help.getByRole('table', { name: 'Construir' })).toContainText('arrastrar');
    const legend = help.getByTestId('legend');
    await expect(legend.getByRole('heading', { name: 'Qué muestran las tarjetas y las aristas' })).toBeVisible();
    await expect(legend).toContainText('Valor: lo que calcula el nodo en la propagación hacia delante.');
    await expect(legend).toContainText('Entradas y parámetros');
    await expect(legend).not.toContainText('Keyboard shortcuts');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);

    // The Samples menu: Spanish groups, names and descriptions (the ?sample= ids stay as they are).
    await toolbar(page).getByRole('button', { name: 'Ejemplos ▾' }).click();
    const menu = page.getByRole('menu', { name: 'Ejemplos' });
    await expect(menu.getByText('Fundamentos', { exact: true })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: /^Regla de la cadena/ })).toContainText('La regla de la cadena en J = 3(a + bc), paso a paso');
  });
});

test.describe('a Spanish browser on its first visit', () => {
  test.use({ locale: 'es-ES', storageState: { cookies: [], origins: [] } });

  test('is welcomed in Spanish', async ({ page }) => {
    await page.goto('/');
    const welcome = page.getByRole('region', { name: 'Te damos la bienvenida a GraphGrad' });
    await expect(welcome).toBeVisible();
    for (const way of ['Aprender: recorre la regla de la cadena', 'Construir desde cero', 'Abrir un ejemplo'])
      await expect(welcome.getByRole('button', { name: way })).toBeVisible();
    await welcome.getByRole('button', { name: 'Cerrar la bienvenida' }).click();
    await expect(welcome).toHaveCount(0);
  });
});

/** Downloads the graph with the toolbar's Save button (named `save` in the language on screen). */
async function saved(page: Page, save: string, path: string): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await toolbar(page).getByRole('button', { name: save, exact: true }).click();
  await (await download).saveAs(path);
  return readFileSync(path);
}

/** Opens the chain-rule sample (`name` on screen) from the Samples menu (named `samples` on screen). */
async function openChainRule(page: Page, samples: string, name: string): Promise<void> {
  await toolbar(page)
    .getByRole('button', { name: `${samples} ▾` })
    .click();
  await page
    .getByRole('menu', { name: samples })
    .getByRole('menuitem', { name: new RegExp(`^${name}`) })
    .click();
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
}

/** New, then an input and a mul from the palette (each added at the view's centre by a click). */
async function buildSmallGraph(page: Page, newName: string): Promise<void> {
  await toolbar(page).getByRole('button', { name: newName, exact: true }).click();
  // The graph had no changes, so New does not ask.
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.locator('.palette__item[data-op="input"]').click();
  await page.locator('.palette__item[data-op="mul"]').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
}

test('a model saved in Spanish is byte for byte the one saved in English', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');

  await page.getByLabel('Language').selectOption('es');
  await expect(toolbar(page).getByRole('button', { name: 'Guardar', exact: true })).toBeVisible();
  await openChainRule(page, 'Ejemplos', 'Regla de la cadena');
  const sampleEs = await saved(page, 'Guardar', testInfo.outputPath('chain-rule-es.json'));
  await buildSmallGraph(page, 'Nuevo');
  const newEs = await saved(page, 'Guardar', testInfo.outputPath('new-es.json'));

  await page.getByLabel('Idioma').selectOption('en');
  await expect(toolbar(page).getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  await openChainRule(page, 'Samples', 'Chain rule');
  const sampleEn = await saved(page, 'Save', testInfo.outputPath('chain-rule-en.json'));
  await buildSmallGraph(page, 'New');
  const newEn = await saved(page, 'Save', testInfo.outputPath('new-en.json'));

  // The files are the models, not what the screen said about them.
  expect(JSON.parse(sampleEn.toString('utf8')).nodes.map((n: { id: string }) => n.id)).toContain('J');
  const fresh = JSON.parse(newEn.toString('utf8'));
  expect(fresh.name).toBe('Untitled graph');
  expect(fresh.nodes.map((n: { op: string; label?: string }) => [n.op, n.label])).toEqual([
    ['input', 'a'],
    ['mul', expect.any(String)],
  ]);
  expect(sampleEs.equals(sampleEn)).toBe(true);
  expect(newEs.equals(newEn)).toBe(true);
});
