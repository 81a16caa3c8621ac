/** Train mode in Spanish: the panel's labels, its numbers with a decimal comma, Play and Pause. */
import { expect, test } from '@playwright/test';
import { nodeById } from './helpers.ts';

test('Train in Spanish: labels, decimal commas, play and pause, the undo label', async ({ page }) => {
  await page.goto('/?sample=xor-mlp');
  await expect(nodeById(page, 'out')).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Entrenar', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Panel de entrenamiento' });
  await expect(panel).toBeVisible();

  // The panel's sections and controls read Spanish.
  for (const name of ['Pérdida', 'Frontera de decisión', 'Datos', 'Entradas y objetivos', 'Métricas', 'Optimización'])
    await expect(panel.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(panel.getByRole('toolbar', { name: 'Controles de entrenamiento' })).toBeVisible();
  await expect(panel.getByLabel('Parar en la época')).toHaveValue('500');
  await expect(panel.getByRole('combobox', { name: 'Conjunto de datos' })).toHaveValue('xor-table');
  await expect(panel.getByRole('combobox', { name: 'Conjunto de datos' }).locator('option:checked')).toHaveText('Tabla de verdad de XOR (4 filas)');
  await expect(panel.getByTestId('dataset-facts')).toHaveText(/^4 filas: 4 de entrenamiento, 0 de prueba · clasificación$/);
  await expect(panel.getByRole('list', { name: 'Leyenda de la curva de pérdida' }).getByRole('listitem')).toHaveText(['Entrenamiento', 'Validación', 'Prueba']);
  await expect(panel.getByRole('rowheader', { name: 'Exactitud' })).toBeVisible();

  // A loss is a decimal number: in Spanish it has a comma, and it is the number English shows with a point.
  const initial = panel.getByTestId('initial-loss');
  await expect(initial).toHaveText(/^\d+,\d+$/);
  const spanishInitial = (await initial.textContent())!;

  // Play at one epoch a second, so Pause is there to press; Pause keeps the weights as one undo step.
  const speed = panel.getByRole('combobox', { name: 'Velocidad' });
  await speed.selectOption('1 epoch/s');
  await expect(speed.locator('option:checked')).toHaveText('1 época/s');
  await panel.getByRole('button', { name: 'Iniciar', exact: true }).click();
  await expect.poll(async () => Number(await panel.getByTestId('epoch').textContent())).toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Pausar', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Iniciar', exact: true })).toBeVisible();
  const epoch = Number(await panel.getByTestId('epoch').textContent());
  await expect(page.getByRole('button', { name: 'Deshacer', exact: true }).first()).toHaveAttribute(
    'title',
    new RegExp(`^Deshacer Entrenar: conservar los pesos tras la época ${epoch} `),
  );
  await expect(panel.getByTestId('train-loss')).toHaveText(/^\d+,\d+$/);
  await expect(panel.getByTestId('accuracy-train')).toHaveText(/^\d+(,\d)?\s%$/);

  // Back to English: the same initial loss, written with a decimal point.
  await page.getByLabel('Idioma').selectOption('en');
  await expect(panel).toHaveCount(0);
  const english = page.getByRole('complementary', { name: 'Train panel' });
  await expect(english.getByTestId('initial-loss')).toHaveText(spanishInitial.replace(',', '.'));
  await expect(english.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});
