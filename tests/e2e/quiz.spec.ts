/**
 * Quiz me in Teach: the student types each number before the step shows it. Numbers checked are
 * the ones worked by hand in the samples' descriptions (J = 3(a + bc): u = bc = 6, ∂J/∂b = 6;
 * e = (a + b)(b + 1): ∂e/∂b = 2·1 + 3·1 = 5).
 */
import { expect, test, type Page } from '@playwright/test';
import { cardValue, nodeById, shot } from './helpers.ts';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Teach panel' });
const quiz = (page: Page) => panel(page).getByRole('region', { name: 'Quiz' });

async function openQuiz(page: Page, sample: string) {
  await page.goto(`/?sample=${sample}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Teach', exact: true }).click();
  await panel(page).getByRole('button', { name: 'Quiz me' }).click();
  await expect(quiz(page)).toContainText('Answers within ±0.01 or ±1 %');
}

/** Steps (forward, then backward) until the quiz asks for `symbol`, letting it show the others. */
async function stepUntilAsked(page: Page, symbol: string) {
  const answer = quiz(page).getByLabel(`Your answer for ${symbol}`);
  for (let i = 0; i < 30; i++) {
    if (await answer.isVisible()) return answer;
    const showMe = quiz(page).getByRole('button', { name: 'Show me' });
    if (await showMe.isVisible()) await showMe.click();
    else {
      const fwd = panel(page).getByRole('button', { name: 'Step forward', exact: true });
      await ((await fwd.isEnabled()) ? fwd : panel(page).getByRole('button', { name: 'Step backward', exact: true })).click();
    }
  }
  throw new Error(`the quiz never asked for ${symbol}`);
}

test('Quiz me accepts a right value, rejects a wrong gradient and shows the working', async ({ page }, testInfo) => {
  await openQuiz(page, 'chain-rule');
  const u = await stepUntilAsked(page, 'u');
  // Held: u's card is still pending until the answer is in.
  await expect(cardValue(nodeById(page, 'u'))).toHaveText('pending');
  await u.fill('6');
  await quiz(page).getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz(page).getByTestId('quiz-feedback')).toContainText('✓ Right: you typed 6');
  await expect(cardValue(nodeById(page, 'u'))).toHaveText('6');
  await expect(quiz(page).getByTestId('quiz-score')).toHaveText('Score: 1 / 1');

  const local = await stepUntilAsked(page, '∂u/∂b');
  const asked = Number(/\/ (\d+)/.exec((await quiz(page).getByTestId('quiz-score').textContent()) ?? '')?.[1]);
  await local.fill('2');
  await local.press('Enter');
  const grad = quiz(page).getByLabel('Your answer for ∂J/∂b');
  // Not a number: said so, nothing counted.
  await grad.fill('five');
  await grad.press('Enter');
  await expect(quiz(page).getByRole('alert')).toHaveText('"five" is not a number: type one such as 6, −0.5 or 1/3.');
  await expect(quiz(page).getByTestId('quiz-score')).toHaveText(`Score: 2 / ${asked + 1}`);
  await grad.fill('5');
  await shot(page, testInfo, 'quiz-01-question');
  await grad.press('Enter');
  const feedback = quiz(page).getByTestId('quiz-feedback');
  await expect(feedback.nth(0)).toContainText('✓ Right: you typed 2');
  await expect(feedback.nth(1)).toContainText('✗ Not quite: you typed 5; ∂J/∂b is 6.');
  await expect(feedback.nth(1).getByTestId('quiz-working')).toHaveText('∂J/∂b = ∂J/∂u · ∂u/∂b = 3 × 2 = 6');
  await expect(quiz(page).getByTestId('quiz-score')).toHaveText(`Score: 2 / ${asked + 2}`);
  // The step was taken: b's gradient is on its card.
  await expect(nodeById(page, 'b').getByTestId('node-grad')).toContainText('6');
  await shot(page, testInfo, 'quiz-02-wrong-with-working');
});

test('the multi-path step asks for the sum and shows the contributions after a wrong answer', async ({ page }, testInfo) => {
  await openQuiz(page, 'sum-over-paths');
  const sum = await stepUntilAsked(page, '∂e/∂b');
  await expect(quiz(page).getByTestId('quiz-prompt')).toHaveText('b reaches e along 2 paths. What is ∂e/∂b, the sum of their contributions?');
  await sum.fill('3');
  await sum.press('Enter');
  await expect(quiz(page).getByTestId('quiz-feedback')).toContainText('✗ Not quite: you typed 3; ∂e/∂b is 5.');
  await expect(quiz(page).getByRole('list', { name: 'Contributions summed' }).getByRole('listitem')).toHaveText(['via c: 2 × 1 = 2', 'via d: 3 × 1 = 3']);
  await expect(quiz(page).getByTestId('quiz-working')).toHaveText('∂e/∂b = ∂e/∂c · ∂c/∂b + ∂e/∂d · ∂d/∂b = 2 × 1 + 3 × 1 = 2 + 3 = 5');
  await shot(page, testInfo, 'quiz-03-multi-path');
});
