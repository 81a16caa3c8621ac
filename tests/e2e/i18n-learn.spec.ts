/**
 * A lesson step that points at controls (docs/lessons.md: highlight.controls) finds them in either
 * language: the finders read the owning areas' catalog entries, not English text. Each case is a
 * shipped lesson step and the number of controls it names that are on screen.
 */
import { expect, test } from '@playwright/test';

const CASES = [
  { lesson: 'overfitting', step: 1, controls: 3 }, // l2, early-stopping, loss-chart
  { lesson: 'training', step: 3, controls: 3 }, // batch-size, optimizer, learning-rate
  { lesson: 'softmax-digits', step: 3, controls: 2 }, // learning-rate, train
  { lesson: 'backprop-network', step: 1, controls: 1 }, // quiz
  { lesson: 'multi-path-chain-rule', step: 1, controls: 1 }, // paths
] as const;

for (const locale of ['en-US', 'es-ES']) {
  test.describe(locale, () => {
    test.use({ locale });
    test(`lesson steps highlight the controls they name (${locale})`, async ({ page }) => {
      test.setTimeout(120_000);
      for (const c of CASES) {
        await page.goto(`/?lesson=${c.lesson}&step=${c.step}`);
        await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
        // At least one element per named control (l2's label also starts its rate field's, in English).
        await expect
          .poll(() => page.locator('.learn-highlight-control').count(), { message: `${c.lesson} step ${c.step}`, timeout: 20_000 })
          .toBeGreaterThanOrEqual(c.controls);
      }
    });
  });
}
