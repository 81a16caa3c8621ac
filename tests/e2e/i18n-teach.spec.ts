/**
 * Teach in Spanish: after choosing Español in the toolbar, the Teach panel, the canvas caption and
 * the live region say each step in Spanish, with decimal commas, and English comes back when it is
 * chosen again. Numbers are worked by hand: chain rule J = 3(a + bc) with a = 5, b = 3, c = 2:
 * J = 33, ∂J/∂b = 3 × 2 = 6; km-to-miles: the weight w = 0.1, prediction = w · km = 0.1 × 5 = 0.5.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { shot } from './helpers.ts';

const live = (page: Page) => page.getByTestId('live-polite');

async function openTeach(page: Page, sample: string) {
  await page.goto(`/?sample=${sample}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Teach', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Teach panel' })).toBeVisible();
}

/** Presses `button` until the live region reads `wanted` (each press waits for the region to change). */
async function stepUntil(page: Page, button: Locator, wanted: string | RegExp, max = 12) {
  const matches = (text: string) => (typeof wanted === 'string' ? text === wanted : wanted.test(text));
  for (let i = 0; i < max; i++) {
    const before = (await live(page).textContent()) ?? '';
    if (matches(before)) return;
    await button.click();
    await expect.poll(async () => (await live(page).textContent()) ?? '').not.toBe(before);
  }
  await expect(live(page)).toHaveText(wanted);
}

test('Teach steps read in Spanish in the panel and the live region, then in English again', async ({ page }, testInfo) => {
  await openTeach(page, 'chain-rule');
  await page.getByLabel('Language').selectOption('es');

  const panel = page.getByRole('complementary', { name: 'Panel de Enseñar' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Enseñar');
  await expect(panel.getByRole('region', { name: 'Paso actual' })).toContainText('Pulsa Paso hacia delante');
  await expect(panel.getByLabel('Tasa de aprendizaje')).toHaveValue('0,1');

  const forward = panel.getByRole('button', { name: 'Paso hacia delante', exact: true });
  await stepUntil(page, forward, /^Hacia delante: J/);
  await expect(live(page)).toHaveText('Hacia delante: J = 3 × v = 3 × 11 = 33');
  await expect(panel.getByRole('region', { name: 'Paso actual' }).getByRole('heading')).toHaveText('Hacia delante: J');
  await expect(panel.getByTestId('timeline-forward')).toContainText('Hacia delante');

  const backward = panel.getByRole('button', { name: 'Paso hacia atrás', exact: true });
  await stepUntil(page, backward, 'Hacia atrás: ∂J/∂b = 3 × 2 = 6');
  const step = panel.getByRole('region', { name: 'Paso actual' });
  await expect(step.getByRole('heading')).toHaveText('Hacia atrás: ∂J/∂b');
  await expect(step.getByTestId('edge-record').first()).toContainText('contribución');
  await expect(step.getByTestId('edge-record').first()).toContainText('3 × 2 = 6');
  await expect(step.getByRole('math', { name: /^Derivada local: / })).toBeVisible();
  await shot(page, testInfo, 'i18n-teach-01-spanish-backward');

  // Back to English: the same step, now in English.
  await page.getByLabel('Idioma').selectOption('en');
  const english = page.getByRole('complementary', { name: 'Teach panel' });
  await expect(english.getByRole('region', { name: 'Current step' }).getByRole('heading')).toHaveText('Backward: ∂J/∂b');
  await expect(english.getByLabel('Learning rate')).toHaveValue('0.1');
  // Back one step and forward again: the live region reads the step in English.
  await english.getByRole('button', { name: 'Step back', exact: true }).click();
  await expect(live(page)).toHaveText(/^Backward: ∂J\/∂\w+ = /);
  await expect(live(page)).not.toHaveText('Backward: ∂J/∂b = 3 × 2 = 6');
  await english.getByRole('button', { name: 'Step backward', exact: true }).click();
  await expect(live(page)).toHaveText('Backward: ∂J/∂b = 3 × 2 = 6');
});

test('Spanish Teach writes decimals with a comma in the panel, the caption and the live region', async ({ page }) => {
  await openTeach(page, 'km-to-miles');
  await page.getByLabel('Language').selectOption('es');
  const panel = page.getByRole('complementary', { name: 'Panel de Enseñar' });
  const forward = panel.getByRole('button', { name: 'Paso hacia delante', exact: true });
  await stepUntil(page, forward, 'Hacia delante: w = 0,1');
  const step = panel.getByRole('region', { name: 'Paso actual' });
  await expect(step).toContainText('w es un parámetro: su valor está dado, no hay nada que calcular.');
  // The panel's KaTeX writes the comma.
  await expect(step.locator('.formula')).toContainText('0,1');
  // The caption's KaTeX writes the comma too.
  await expect(page.getByTestId('teach-caption')).toContainText('0,1');
  await stepUntil(page, forward, /^Hacia delante: prediction/);
  await expect(live(page)).toHaveText('Hacia delante: prediction = w × km = 0,1 × 5 = 0,5');
  await expect(step).toContainText('prediction = mul de w (0,1); km (5): lo alimentan las aristas resaltadas.');
});

test('Ponme a prueba asks in Spanish and takes an answer typed with a decimal comma', async ({ page }, testInfo) => {
  await openTeach(page, 'km-to-miles');
  await page.getByLabel('Language').selectOption('es');
  const panel = page.getByRole('complementary', { name: 'Panel de Enseñar' });
  await panel.getByRole('button', { name: 'Ponme a prueba' }).click();
  const quiz = panel.getByRole('region', { name: 'Prueba' });
  await expect(quiz).toContainText('Las respuestas a menos de ±0,01 o ±1 % (lo que sea mayor) cuentan como correctas.');
  // Leaves are given; the first question is the prediction, w · km = 0.1 × 5 = 0.5.
  const answer = quiz.getByLabel('Tu respuesta para prediction');
  const forward = panel.getByRole('button', { name: 'Paso hacia delante', exact: true });
  for (let i = 0; i < 4 && !(await answer.isVisible()); i++) {
    const before = await panel.getByTestId('timeline-forward').textContent();
    await forward.click();
    await expect.poll(async () => (await answer.isVisible()) || (await panel.getByTestId('timeline-forward').textContent()) !== before).toBe(true);
  }
  await expect(quiz.getByTestId('quiz-prompt')).toHaveText('¿Cuánto vale prediction? (mul de w = 0,1; km = 5)');
  await answer.fill('0,5');
  await quiz.getByRole('button', { name: 'Comprobar respuesta' }).click();
  await expect(quiz.getByTestId('quiz-feedback')).toContainText('✓ Correcto: escribiste 0,5');
  await expect(quiz.getByTestId('quiz-working')).toHaveText('prediction = mul(0,1; 5) = 0,5');
  await expect(quiz.getByTestId('quiz-score')).toHaveText('Puntuación: 1 / 1');
  await shot(page, testInfo, 'i18n-teach-02-quiz-decimal-comma');
});
