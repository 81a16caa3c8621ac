/**
 * The embed: a course page puts GraphGrad in an iframe (`/?embed&sample=...&mode=teach`). It runs
 * there with minimal chrome, links to the full app, and leaves the reader's own autosaved graph
 * alone even when the embedded graph is edited.
 */
import { expect, test, type Page } from '@playwright/test';

/** A course page at the app's origin with one iframe, as the README's snippet writes it. */
async function coursePage(page: Page, src: string) {
  await page.route('**/course-page.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Lecture 4</title><h1>Lecture 4: the chain rule</h1>
<iframe src="${src}" width="1000" height="560" style="border:1px solid #ccc" title="GraphGrad: J = 3(a + bc)" loading="lazy"></iframe>`,
    }),
  );
  await page.goto('/course-page.html');
  return page.frameLocator('iframe[title^="GraphGrad"]');
}

test('the app runs in an iframe with minimal chrome, and never autosaves over the reader’s graph', async ({ page, baseURL }) => {
  // The reader's own graph, autosaved by the full app at this origin.
  await page.goto('/?sample=neuron');
  await expect(page.locator('.toolbar__title')).toHaveText('Will I pass the exam? One sigmoid neuron');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('graphgrad.autosave') ?? '')).toContain('Will I pass the exam?');

  const frame = await coursePage(page, '/?embed&sample=chain-rule&mode=teach');
  const teach = frame.getByRole('complementary', { name: 'Teach panel' });
  // The first load in the frame also fetches the sample and KaTeX: give it time on a busy machine.
  await expect(teach).toBeVisible({ timeout: 20_000 });
  await expect(frame.locator('.embed-bar__title')).toHaveText('J = 3(a + bc)');
  // Minimal chrome: no file buttons, no palette.
  await expect(frame.getByRole('button', { name: 'Open', exact: true })).toHaveCount(0);
  await expect(frame.locator('.palette')).toHaveCount(0);
  const open = frame.getByRole('link', { name: 'Open in GraphGrad' });
  await expect(open).toHaveAttribute('href', `${baseURL}/?sample=chain-rule&mode=teach`);
  await expect(open).toHaveAttribute('target', '_blank');

  // It works: Run forward computes J = 33 inside the iframe.
  await teach.getByRole('button', { name: 'Run forward' }).click();
  await expect(frame.locator('.react-flow__node[data-id="J"]').getByTestId('node-value')).toHaveText('33');

  // Edit the embedded graph (delete a card in Build): the reader's stored graph is untouched.
  await frame.getByRole('button', { name: 'Build', exact: true }).click();
  await frame.locator('.react-flow__node[data-id="a"] .op-node__header').click();
  await frame.locator('.react-flow__node[data-id="a"]').press('Delete');
  await expect(frame.locator('.react-flow__node')).toHaveCount(6);
  await page.goto('/');
  await expect(page.locator('.toolbar__title')).toHaveText('Will I pass the exam? One sigmoid neuron');
});

test('a lesson embeds too: its step, checks and all, in the frame', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1100, height: 700 });
  const frame = await coursePage(page, '/?embed&lesson=computational-graph&step=3');
  const learn = frame.getByRole('complementary', { name: 'Learn panel' });
  await expect(learn.getByTestId('learn-step-of')).toHaveText('Step 3 of 5', { timeout: 20_000 });
  await learn.getByLabel(/^Answer 2:/).fill('6');
  await learn.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(learn.getByTestId('learn-check').nth(1).getByTestId('learn-verdict')).toContainText('Right');
  await expect(frame.getByRole('link', { name: 'Open in GraphGrad' })).toHaveAttribute('href', /\/\?lesson=computational-graph&step=3$/);
  await page.screenshot({ path: testInfo.outputPath('embed-lesson.png') });
});

test('"Open in GraphGrad" opens the same sample and mode in the full app', async ({ page, context }) => {
  const frame = await coursePage(page, '/?embed&sample=sum-over-paths&mode=teach');
  await expect(frame.getByRole('complementary', { name: 'Teach panel' })).toBeVisible({ timeout: 20_000 });
  const [full] = await Promise.all([context.waitForEvent('page'), frame.getByRole('link', { name: 'Open in GraphGrad' }).click()]);
  await expect(full.getByRole('toolbar', { name: 'Editor toolbar' })).toBeVisible();
  await expect(full.locator('.toolbar__title')).toHaveText('e = (a + b)(b + 1)');
  await expect(full.getByRole('complementary', { name: 'Teach panel' })).toBeVisible();
});
