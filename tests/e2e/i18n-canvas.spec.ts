/**
 * The canvas, palette and inspector in Spanish, read as a user reads them: card text, a palette
 * category and an op's description, the inspector's fields, React Flow's own controls, and numbers
 * typed and shown with a decimal comma. J = 3(a + bc) with a = 0,5, b = 3, c = 2 is 3 · 6,5 = 19,5.
 */
import { expect, test } from '@playwright/test';
import { cardValue, nodeById, select } from './helpers.ts';

test('the canvas, palette and inspector speak Spanish, with decimal commas', async ({ page }) => {
  await page.goto('/');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await page.getByLabel('Language').selectOption('es');

  // A card: the loss badge, an op's description on its symbol, a port's accessible name.
  const j = nodeById(page, 'J');
  await expect(j.locator('.op-node__loss-tag')).toHaveText('pérdida');
  await expect(j.locator('.op-node__loss-tag')).toHaveAttribute('title', 'El modo inverso empieza en este nodo');
  await expect(j.locator('.op-node__symbol')).toHaveAttribute('title', 'Producto de dos o más operandos.');
  await expect(j.locator('.react-flow__handle[data-handleid="in-0"]')).toHaveAttribute('aria-label', 'Entrada x1 de J');

  // The palette: its name, a category heading, an op's description in its tooltip.
  const palette = page.getByRole('complementary', { name: 'Paleta' });
  await expect(palette.getByRole('heading', { name: 'Pérdidas' })).toBeVisible();
  await expect(palette.getByRole('heading', { name: 'Entradas y parámetros' })).toBeVisible();
  await expect(palette.locator('.palette__item[data-op="div"]')).toHaveAttribute('title', /^÷ {2}div: Cociente a \/ b\.\nArrástrala al lienzo/);
  await expect(palette.getByPlaceholder('Buscar operaciones')).toBeVisible();

  // React Flow's own controls, through its ariaLabelConfig, and ours.
  await expect(page.getByRole('button', { name: 'Acercar' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajustar a la vista' })).toBeVisible();

  // The inspector: the graph summary, then a node's fields.
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: 'Grafo' })).toBeVisible();
  await expect(inspector).toContainText('Selecciona un nodo para editarlo.');
  await select(page, 'a');
  await expect(inspector.getByLabel('Etiqueta', { exact: true })).toHaveValue('a');
  await expect(inspector).toContainText('Una entrada de datos');

  // A decimal comma typed in the inspector, shown on the cards and in the inspector.
  await inspector.getByLabel('Valor', { exact: true }).fill('0,5');
  await expect(cardValue(nodeById(page, 'a'))).toHaveText('0,5');
  await expect(cardValue(j)).toHaveText('19,5');
  await select(page, 'J');
  await expect(inspector.getByTestId('inspector-value')).toHaveText('19,5');
  await expect(inspector.getByRole('heading', { name: 'Derivadas locales' })).toBeVisible();
  await expect(inspector.getByText('Usar como pérdida')).toBeVisible();

  // Back in English, the same card reads English again.
  await page.getByLabel('Idioma').selectOption('en');
  await expect(j.locator('.op-node__loss-tag')).toHaveText('loss');
  await expect(cardValue(j)).toHaveText('19.5');
});
