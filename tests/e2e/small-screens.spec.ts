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

  // Teach and Train: the panel folds into a drawer (a tab at the right edge), so the graph keeps the
  // width and its text stays legible; the tab opens the panel over the canvas, Escape closes it.
  for (const mode of ['Teach', 'Train']) {
    await page.getByRole('button', { name: mode, exact: true }).click();
    const panel = page.getByRole('complementary', { name: `${mode} panel` });
    const tab = page.getByRole('button', { name: `${mode} panel` });
    await expect(tab).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).toBeHidden();
    expect(await canvasShare(page), mode).toBeGreaterThanOrEqual(0.6);
    await expect.poll(async () => (await smallestCardText(page)).px, { message: `${mode}: smallest card text` }).toBeGreaterThanOrEqual(10);
    for (const id of ['a', 'b', 'c', 'u', 'v', 'J']) await expect(nodeById(page, id), `${mode}: ${id}`).toBeInViewport();
    await shot(page, testInfo, `${mode.toLowerCase()}-1024x700`);
    await tab.click();
    await expect(panel).toBeVisible();
    await expect(tab).toHaveAttribute('aria-expanded', 'true');
    await shot(page, testInfo, `${mode.toLowerCase()}-1024x700-panel-open`);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
  // With the drawer closed, Teach still steps from the keyboard, and the caption says the step.
  await page.getByRole('button', { name: 'Teach', exact: true }).click();
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('teach-caption')).toBeVisible();
});

test('1024x700: Teach steps with its panel opened from the tab, and the cards stay legible', async ({ page }, testInfo) => {
  await page.goto('/?sample=chain-rule');
  await page.getByRole('button', { name: 'Teach', exact: true }).click();
  await page.getByRole('button', { name: 'Teach panel' }).click();
  const panel = page.getByRole('complementary', { name: 'Teach panel' });
  await panel.getByRole('button', { name: 'Run forward', exact: true }).click();
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await panel.getByRole('button', { name: 'Run backward', exact: true }).click();
  await expect(nodeById(page, 'b').getByTestId('node-grad')).toHaveText(/6$/);
  // The tab again closes it: the whole graph in view, text 10 px or more.
  await page.getByRole('button', { name: 'Teach panel' }).click();
  await expect(panel).toBeHidden();
  await expect.poll(async () => (await smallestCardText(page)).px).toBeGreaterThanOrEqual(10);
  for (const id of ['a', 'b', 'c', 'u', 'v', 'J']) await expect(nodeById(page, id)).toBeInViewport();
  await shot(page, testInfo, 'teach-1024x700-backward');
});

test('1024x700: ops added from the palette by keyboard land at free spots in view, clear of the drawer', async ({ page }, testInfo) => {
  await page.goto('/?sample=chain-rule');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await page.getByRole('button', { name: 'Ops' }).click();
  await page.getByPlaceholder('Search ops').fill('input');
  await page.locator('.palette__item[data-op="input"]').focus();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Enter');
    await expect(page.locator('.react-flow__node')).toHaveCount(7 + i + 1);
  }
  await expect.poll(() => overlappingCards(page)).toEqual([]);
  // Every new card wholly on the canvas and none under the open drawer or the minimap.
  const drawer = (await page.locator('.drawer__body:not([hidden])').boundingBox())!;
  const canvas = (await page.locator('.canvas').boundingBox())!;
  const minimap = (await page.locator('.react-flow__minimap').boundingBox())!;
  for (const id of ['input1', 'input2', 'input3', 'input4', 'input5']) {
    const box = (await nodeById(page, id).boundingBox())!;
    expect(box.x, `${id} clear of the drawer`).toBeGreaterThanOrEqual(drawer.x + drawer.width);
    expect(box.x + box.width, id).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(box.y, id).toBeGreaterThanOrEqual(canvas.y);
    expect(box.y + box.height, id).toBeLessThanOrEqual(canvas.y + canvas.height);
    const underMinimap =
      box.x < minimap.x + minimap.width && minimap.x < box.x + box.width && box.y < minimap.y + minimap.height && minimap.y < box.y + box.height;
    expect(underMinimap, `${id} clear of the minimap`).toBe(false);
  }
  await shot(page, testInfo, 'keyboard-added-1024x700');
});

/** Pairs of node cards whose boxes overlap on screen. */
const overlappingCards = (page: Page) =>
  page.locator('.react-flow__node').evaluateAll((cards) => {
    const boxes = cards.map((c) => ({ id: (c as HTMLElement).dataset.id, r: c.getBoundingClientRect() }));
    const pairs: string[] = [];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) pairs.push(`${a.id}/${b.id}`);
    return pairs;
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

test('the minimap shrinks on a narrow canvas (a 760 px window) and is full size on a wide one', async ({ page }) => {
  await page.goto('/?sample=chain-rule');
  const minimap = page.locator('.react-flow__minimap');
  const wide = (await minimap.boundingBox())!;
  await page.setViewportSize({ width: 760, height: 700 });
  await expect.poll(async () => (await minimap.boundingBox())!.width).toBeLessThan(wide.width * 0.7);
  const pane = (await page.locator('.canvas').boundingBox())!;
  expect((await minimap.boundingBox())!.width / pane.width).toBeLessThan(0.25);
});

test('1024x700: Train still trains, its panel a drawer over a canvas of 60% of the width', async ({ page }, testInfo) => {
  await page.goto('/?sample=xor-mlp');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await page.getByRole('button', { name: 'Train panel' }).click();
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
  await page.getByRole('button', { name: 'Teach panel' }).click();
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
