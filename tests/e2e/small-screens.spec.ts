/**
 * Small screens: at 1024 x 700 the canvas keeps at least 60% of the window's width in every mode,
 * the palette and inspector fold into drawers that still work, the minimap shrinks on a narrow
 * canvas, and no card text is drawn under 10 px at the zoom the editor opens with.
 */
import { expect, type Page, test } from '@playwright/test';
import { cardValue, dropOp, nodeById, shot } from './helpers.ts';

test.use({ viewport: { width: 1024, height: 700 } });

const canvasShare = async (page: Page) => {
  const canvas = (await page.locator('.canvas').boundingBox())!;
  return canvas.width / page.viewportSize()!.width;
};

/**
 * The smallest text on the cards as it reaches the screen: each visible text's computed font size
 * times the canvas's zoom (the viewport's scale).
 */
const smallestCardText = (page: Page) =>
  page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    let smallest = { px: Number.POSITIVE_INFINITY, text: '' };
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!own || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const px = Number.parseFloat(getComputedStyle(el).fontSize) * zoom;
      if (px < smallest.px) smallest = { px, text: el.textContent ?? '' };
    }
    return { ...smallest, zoom };
  });

test('1024x700: the canvas keeps 60% of the width, and card text is 10 px or more', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.6);
  const text = await smallestCardText(page);
  expect(text.px, `"${text.text}" at zoom ${text.zoom}`).toBeGreaterThanOrEqual(10);
  // Every card of the sample in view at that zoom.
  for (const id of ['a', 'b', 'c', 'u', 'v', 'J']) await expect(nodeById(page, id)).toBeInViewport();
  await shot(page, testInfo, 'build-1024x700');

  for (const mode of ['Teach', 'Train']) {
    await page.getByRole('button', { name: mode, exact: true }).click();
    await expect(page.getByRole('complementary', { name: `${mode} panel` })).toBeVisible();
    expect(await canvasShare(page), mode).toBeGreaterThanOrEqual(0.6);
  }
});

test('1024x700: the palette and inspector are drawers that open, work and close', async ({ page }) => {
  await page.goto('/?sample=chain-rule');
  const palette = page.getByPlaceholder('Search ops');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(palette).toBeHidden();
  await expect(inspector).toBeHidden();

  await page.getByRole('button', { name: 'Ops' }).click();
  await expect(palette).toBeVisible();
  const id = await dropOp(page, 'sigmoid', 520, 420);
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  await expect(inspector).toBeVisible();
  await nodeById(page, 'a').locator('.op-node__header').click();
  await inspector.getByLabel('Value', { exact: true }).fill('7');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('39');
  await expect(nodeById(page, id)).toBeVisible();
  // One drawer at a time.
  await page.getByRole('button', { name: 'Ops' }).click();
  await expect(palette).toBeVisible();
  await expect(inspector).toBeHidden();
});

test('the minimap shrinks on a narrow canvas (Teach at 1024 wide) and is full size on a wide one', async ({ page }) => {
  await page.goto('/?sample=chain-rule');
  const minimap = page.locator('.react-flow__minimap');
  const wide = (await minimap.boundingBox())!;
  await page.getByRole('button', { name: 'Teach', exact: true }).click();
  await expect.poll(async () => (await minimap.boundingBox())!.width).toBeLessThan(wide.width * 0.7);
  const pane = (await page.locator('.canvas').boundingBox())!;
  expect((await minimap.boundingBox())!.width / pane.width).toBeLessThan(0.25);
});

test('1024x700: Train still trains, its panel beside a canvas of 60% of the width', async ({ page }, testInfo) => {
  await page.goto('/?sample=xor-mlp');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await panel.getByRole('button', { name: 'Step epoch' }).click();
  await expect(panel.getByTestId('epoch')).toHaveText('1');
  await panel.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => Number(await panel.getByTestId('epoch').textContent())).toBeGreaterThan(3);
  await panel.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.6);
  const box = (await panel.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  await shot(page, testInfo, 'train-1024x700');
});

test('1024x768: Presentation gives the graph the width, legible, with the Teach panel in a drawer', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?sample=chain-rule');
  await page.getByRole('button', { name: 'Teach', exact: true }).click();
  await page.getByRole('button', { name: 'Run forward', exact: true }).click();
  await page.getByRole('button', { name: 'Presentation' }).click();
  await expect(page.locator('html')).toHaveClass(/teach-presentation/);
  const panel = page.getByRole('complementary', { name: 'Teach panel' });
  await expect(panel).toBeHidden();
  for (const id of ['a', 'b', 'c', 'u', 'v', 'J']) await expect(nodeById(page, id)).toBeInViewport();
  expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.9);
  await expect.poll(async () => (await smallestCardText(page)).px).toBeGreaterThanOrEqual(10);
  // The values, what the room reads, at 20 px or more.
  const value = await cardValue(nodeById(page, 'J')).evaluate((el) => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    return Number.parseFloat(getComputedStyle(el).fontSize) * zoom;
  });
  expect(value).toBeGreaterThanOrEqual(20);
  // The keys step without the panel; the toolbar is whole (Help on screen).
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('teach-caption')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Help', exact: true })).toBeInViewport();
  await shot(page, testInfo, 'presentation-1024x768');
  // The tab opens the panel, where Presentation is switched off again.
  await page.getByRole('button', { name: 'Teach panel' }).click();
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Presentation' }).click();
  await expect(page.locator('html')).not.toHaveClass(/teach-presentation/);
  await expect(panel).toBeVisible();
});
