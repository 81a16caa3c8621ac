import { expect, test, type Page } from '@playwright/test';
import { cardValue, emptyCanvasPoint, nodeById, shot } from './helpers.ts';

const grad = (page: Page, id: string) => nodeById(page, id).getByTestId('node-grad');
const panel = (page: Page) => page.getByRole('complementary', { name: 'Teach panel' });

/** The canvas's zoom (the viewport's scale). */
const zoomOf = (page: Page) => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

/**
 * Polls until the view has come to rest (two reads in a row agree, so no fit is animating) at a zoom
 * above `above`, and returns that zoom.
 */
async function settledZoomAbove(page: Page, above: number): Promise<number> {
  let last = Number.NaN;
  await expect
    .poll(
      async () => {
        const zoom = await zoomOf(page);
        const settled = zoom === last && zoom > above;
        last = zoom;
        return settled;
      },
      { message: `the view comes to rest zoomed in past ${above}` },
    )
    .toBe(true);
  return last;
}

/** Ids of the cards not wholly inside the canvas (to the pixel). */
const cardsOutsideCanvas = async (page: Page) => {
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  return page.locator('.react-flow__node').evaluateAll(
    (cards, c) =>
      cards
        .filter((card) => {
          const r = card.getBoundingClientRect();
          return r.left < c.x - 1 || r.top < c.y - 1 || r.right > c.x + c.width + 1 || r.bottom > c.y + c.height + 1;
        })
        .map((card) => (card as HTMLElement).dataset.id),
    canvas,
  );
};

/** Steps done, forward and backward together, as the timeline counts them. */
const unitsDone = async (page: Page) => {
  const counts = await panel(page).locator('[data-testid^="timeline-"] .teach-timeline__count').allTextContents();
  return counts.map((c) => Number(/^(\d+)\//.exec(c)?.[1] ?? 0)).reduce((a, b) => a + b, 0);
};

/** A point on an edge's line, `at` of the way along it, in page pixels. */
const pointOnEdge = (page: Page, id: string, at: number) =>
  page
    .getByTestId(`rf__edge-${id}`)
    .locator('.react-flow__edge-path')
    .evaluate((path: SVGPathElement, at) => {
      const p = path.getPointAtLength(path.getTotalLength() * at);
      const m = path.getScreenCTM()!;
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
    }, at);

/** Chips that cover another chip or a card on screen, as "chip / chip" or "chip / card id". */
const coveredByChips = (page: Page) =>
  page.evaluate(() => {
    const box = (e: Element) => e.getBoundingClientRect();
    const chips = [...document.querySelectorAll<HTMLElement>('[data-testid="edge-label"]')].map((e) => ({
      id: `${e.dataset.source}→${e.dataset.target}`,
      r: box(e),
    }));
    const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node-op')].map((e) => ({ id: e.dataset.id, r: box(e) }));
    const over = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const out: string[] = [];
    chips.forEach((a, i) => {
      for (const b of chips.slice(i + 1)) if (over(a.r, b.r)) out.push(`${a.id} / ${b.id}`);
      for (const c of cards) if (over(a.r, c.r)) out.push(`${a.id} / card ${c.id}`);
    });
    return out;
  });

async function openTeach(page: Page, sample: string) {
  await page.goto(`/?sample=${sample}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Teach', exact: true }).click();
  await expect(panel(page)).toBeVisible();
}

test('chain rule: step forward to J = 33, backward to dJ/db = 6 and dJ/dc = 9', async ({ page }, testInfo) => {
  await openTeach(page, 'chain-rule');
  // Nothing computed yet: every card is pending.
  await expect(page.locator('.react-flow__node.teach-pending')).toHaveCount(7);
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('pending');
  await expect(panel(page).getByTestId('timeline-forward')).toContainText('0/7');
  await shot(page, testInfo, 'teach-01-start');

  const stepForward = page.getByRole('button', { name: 'Step forward', exact: true });
  for (let i = 0; i < 4; i++) await stepForward.click();
  await expect(panel(page).getByTestId('timeline-forward')).toContainText('4/7');
  await expect(page.locator('.react-flow__node.teach-pending')).toHaveCount(3);
  await expect(page.getByTestId('teach-caption')).toBeVisible();
  await shot(page, testInfo, 'teach-02-forward-4');

  while (!(await cardValue(nodeById(page, 'J')).textContent())?.includes('33')) await stepForward.click();
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await expect(panel(page).getByRole('region', { name: 'Current step' })).toContainText('Forward: J');
  await expect(panel(page).locator('.formula').first()).toHaveAttribute('aria-label', /J = 3 \\cdot v = 3 \\cdot 11 = 33/);
  await expect(nodeById(page, 'J').getByTestId('node-value')).toHaveText('33');
  await expect(stepForward).toBeDisabled();
  await shot(page, testInfo, 'teach-03-forward-done');

  const stepBackward = page.getByRole('button', { name: 'Step backward', exact: true });
  // Gradients appear as the backward pass reaches them.
  await stepBackward.click();
  await expect(grad(page, 'J')).toContainText('1');
  await expect(grad(page, 'b')).toHaveCount(0);
  while (await stepBackward.isEnabled()) {
    await stepBackward.click();
    if ((await panel(page).getByRole('region', { name: 'Current step' }).textContent())?.includes('∂J/∂c')) break;
  }
  // Visiting c: the edge c -> u carries its local derivative 3 (= b) and its contribution 9.
  const cu = page.locator('[data-testid="edge-label"][data-source="c"][data-target="u"]');
  await expect(cu.getByTestId('edge-name')).toHaveText('∂u/∂c');
  await expect(cu.getByTestId('edge-local')).toHaveText('= 3');
  await expect(cu.getByTestId('edge-contribution')).toHaveText('→ 9');
  await expect(panel(page).getByTestId('edge-record').first()).toContainText('3 × 3 = 9');
  await shot(page, testInfo, 'teach-04-backward-c');

  while (await stepBackward.isEnabled()) await stepBackward.click();
  await expect(panel(page).getByTestId('timeline-backward')).toContainText('7/7');
  await expect(grad(page, 'b')).toHaveText(/∂J\/∂b\s*6$/);
  await expect(grad(page, 'c')).toHaveText(/∂J\/∂c\s*9$/);
  await expect(grad(page, 'a')).toHaveText(/∂J\/∂a\s*3$/);
  await expect(cu.getByTestId('edge-local')).toHaveText('×3'); // a compact chip once c is no longer the current step
  await expect(cu.getByTestId('edge-contribution')).toHaveText('9');
  // Paths view for b: one path, product 2 x 1 x 3 = 6.
  await panel(page).getByLabel('Leaf for paths').selectOption('b');
  await expect(panel(page).getByTestId('paths')).toContainText('b → u → v → J');
  await expect(panel(page).getByTestId('paths-sum')).toContainText('= 6');
});

test('sum over paths: b gets 2 + 3 = 5, called out as a multi-path sum', async ({ page }, testInfo) => {
  await openTeach(page, 'sum-over-paths');
  await page.getByRole('button', { name: 'Run forward', exact: true }).click();
  const stepBackward = page.getByRole('button', { name: 'Step backward', exact: true });
  const step = panel(page).getByRole('region', { name: 'Current step' });
  for (let i = 0; i < 6 && !(await step.textContent())?.includes('∂e/∂b'); i++) await stepBackward.click();
  await expect(step).toContainText('∂e/∂b');
  await expect(step.getByTestId('multi-path')).toContainText('2 + 3 = 5');
  await expect(step.getByTestId('edge-record')).toHaveCount(2);
  await expect(grad(page, 'b')).toHaveText(/5$/);
  await expect(page.locator('[data-testid="edge-label"][data-source="b"]')).toHaveCount(2);
  // The b → c and b → d chips start from the same spot: they are moved apart, never covering each
  // other, nor any card.
  await expect(page.getByTestId('edge-label')).toHaveCount(5);
  await expect.poll(() => coveredByChips(page)).toEqual([]);
  await shot(page, testInfo, 'teach-06-multipath');
  await page.getByRole('button', { name: 'Run backward', exact: true }).click();
  await panel(page).getByLabel('Leaf for paths').selectOption('b');
  await expect(panel(page).getByTestId('paths-sum')).toContainText('2 + 3 = 5');
  await page.getByRole('button', { name: 'Check gradients', exact: true }).click();
  await expect(panel(page).getByTestId('gradcheck')).toContainText('✓');
  await shot(page, testInfo, 'teach-07-paths-check');
  // Dark theme: the same view stays readable.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Step back', exact: true }).click();
  await shot(page, testInfo, 'teach-07b-dark');
});

test('dense graphs: chips are spread in 2D, covering no other chip and no card, in Teach and in Build', async ({ page }, testInfo) => {
  // neuron after Run backward: the x1 → w1·x1 chip lay on the w1 and w1·x1 cards.
  await openTeach(page, 'neuron');
  await page.getByRole('button', { name: 'Run forward', exact: true }).click();
  await page.getByRole('button', { name: 'Run backward', exact: true }).click();
  await expect(page.getByTestId('edge-label')).toHaveCount(10);
  await expect.poll(() => coveredByChips(page)).toEqual([]);
  await shot(page, testInfo, 'teach-06b-neuron-chips');
  // A crowded graph: two inputs each feeding three cards 52 px away, so six chips share a narrow
  // gap; at the last step a's three full labels (57 px wide) are there too.
  const crowded = {
    format: 'graphgrad',
    version: 1,
    name: 'crowded',
    nodes: [
      { id: 'a', op: 'input', value: 2, position: { x: 0, y: 0 } },
      { id: 'b', op: 'input', value: 3, position: { x: 0, y: 110 } },
      { id: 'c', op: 'mul', position: { x: 220, y: 0 } },
      { id: 'd', op: 'mul', position: { x: 220, y: 110 } },
      { id: 'f', op: 'add', position: { x: 220, y: 220 } },
      { id: 'g', op: 'add', position: { x: 440, y: 110 } },
    ],
    edges: [
      ...['c', 'd', 'f'].flatMap((t) => [
        { source: 'a', target: t, port: 0 },
        { source: 'b', target: t, port: 1 },
      ]),
      ...['c', 'd', 'f'].map((s, port) => ({ source: s, target: 'g', port })),
    ],
    loss: 'g',
  };
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: 'crowded.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(crowded)) });
  await expect(cardValue(nodeById(page, 'g'))).toHaveText('17'); // 2·3 + 2·3 + (2 + 3)
  await page.getByRole('button', { name: 'Edge derivatives' }).click();
  await expect(page.getByTestId('edge-label')).toHaveCount(9);
  await expect.poll(() => coveredByChips(page)).toEqual([]);
  await shot(page, testInfo, 'build-crowded-chips');
  await page.getByRole('button', { name: 'Teach', exact: true }).click();
  await page.getByRole('button', { name: 'Run forward', exact: true }).click();
  const stepBackward = page.getByRole('button', { name: 'Step backward', exact: true });
  while (await stepBackward.isEnabled()) await stepBackward.click();
  await expect(page.locator('[data-testid="edge-label"]:not(.is-compact)')).toHaveCount(3);
  await expect.poll(() => coveredByChips(page)).toEqual([]);
  await shot(page, testInfo, 'teach-06c-crowded-chips');
});

test('neuron: run, apply an update with lr 0.1, see the loss change, and undo it with the left arrow', async ({ page }, testInfo) => {
  await openTeach(page, 'neuron');
  await page.getByRole('button', { name: 'Run forward', exact: true }).click();
  await page.getByRole('button', { name: 'Run backward', exact: true }).click();
  const read = async (id: string, testId: 'node-value' | 'node-grad') =>
    Number(/-?[\d.]+(e[+-]?\d+)?$/.exec((await nodeById(page, id).getByTestId(testId).textContent())!.replace('−', '-'))![0]);
  const before: Record<string, { value: number; grad: number }> = {};
  for (const id of ['w1', 'w2', 'b']) before[id] = { value: await read(id, 'node-value'), grad: await read(id, 'node-grad') };
  const oldLoss = await read('L', 'node-value');
  await shot(page, testInfo, 'teach-08-neuron-backward');

  // Only a plain positive decimal is a learning rate: Number() would read "0x10" as 16.
  const lr = panel(page).getByLabel('Learning rate');
  const apply = page.getByRole('button', { name: 'Apply update', exact: true });
  for (const text of ['0x10', '-0.1', '']) {
    await lr.fill(text);
    await expect(lr).toHaveAttribute('aria-invalid', 'true');
    await expect(lr).toHaveClass(/is-invalid/);
    await expect(apply).toBeDisabled();
  }
  await lr.fill('0.1');
  await expect(lr).toHaveAttribute('aria-invalid', 'false');
  await apply.click();
  const table = panel(page).getByTestId('update-table');
  for (const id of ['w1', 'w2', 'b']) {
    const expected = before[id].value - 0.1 * before[id].grad;
    await expect.poll(() => read(id, 'node-value')).toBeCloseTo(expected, 3);
    await expect(table.locator(`[data-param="${id}"]`)).toBeVisible();
  }
  await expect(panel(page).getByTestId('loss-old')).toHaveText(String(oldLoss));
  const newLoss = Number(await panel(page).getByTestId('loss-new').textContent());
  expect(newLoss).toBeLessThan(oldLoss);
  await expect.poll(() => read('L', 'node-value')).toBe(newLoss);
  await expect(panel(page).getByTestId('timeline-update')).toContainText('applied');
  await shot(page, testInfo, 'teach-09-neuron-update');

  // Left arrow: the update is undone and the previous state (values and gradients) is back.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('ArrowLeft');
  for (const id of ['w1', 'w2', 'b']) {
    await expect.poll(() => read(id, 'node-value')).toBe(before[id].value);
    await expect.poll(() => read(id, 'node-grad')).toBe(before[id].grad);
  }
  await expect.poll(() => read('L', 'node-value')).toBe(oldLoss);
  await expect(panel(page).getByTestId('timeline-backward')).toContainText('11/11');
  // And once more: the last backward step is undone.
  await page.keyboard.press('ArrowLeft');
  await expect(panel(page).getByTestId('timeline-backward')).toContainText('10/11');
  await page.keyboard.press('ArrowRight');
  await expect(panel(page).getByTestId('timeline-backward')).toContainText('11/11');
  await shot(page, testInfo, 'teach-10-neuron-restored');

  // Presentation: bigger, for a projector.
  const zoomBefore = await zoomOf(page);
  await page.getByRole('button', { name: 'Presentation' }).click();
  await expect(page.locator('html')).toHaveClass(/teach-presentation/);
  await settledZoomAbove(page, zoomBefore);
  await expect.poll(() => cardsOutsideCanvas(page)).toEqual([]);
  await shot(page, testInfo, 'teach-11-presentation');
});

test('space plays and pauses; a collapsed layer steps as one unit', async ({ page }, testInfo) => {
  // Time runs as usual, but the test can also move it on at once (to see that a pause holds).
  await page.clock.install();
  await openTeach(page, 'xor-mlp');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.getByLabel('Play speed (steps per second)').selectOption('4');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Space');
  await expect(panel(page).getByRole('region', { name: 'Current step' })).toContainText('layer hidden', { timeout: 5000 });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-pressed', 'false');
  const at = await unitsDone(page);
  // Two seconds on: playing at 4 steps a second would have taken 8 more; paused, none.
  await page.clock.runFor(2000);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => unitsDone(page)).toBe(at + 1);
  await shot(page, testInfo, 'teach-12-layer-unit');
});

test('the keys shown are the keys that work; Space on a focused button is that button’s own action', async ({ page }) => {
  await openTeach(page, 'chain-rule');
  await expect(panel(page).locator('.teach-keys')).toHaveText('→ step · ← step back · Space play/pause');
  await expect(page.getByRole('button', { name: 'Step back', exact: true })).toHaveAttribute('aria-keyshortcuts', 'ArrowLeft');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-keyshortcuts', 'Space');
  const stepForward = page.getByRole('button', { name: 'Step forward', exact: true });
  await expect(stepForward).toHaveAttribute('aria-keyshortcuts', 'ArrowRight');
  await stepForward.focus();
  await page.keyboard.press('Space');
  await expect(panel(page).getByTestId('timeline-forward')).toContainText('1/7');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-pressed', 'false');
  // The arrows are no button's own keys: they step from anywhere but a text field.
  await page.keyboard.press('ArrowRight');
  await expect(panel(page).getByTestId('timeline-forward')).toContainText('2/7');
  await page.keyboard.press('ArrowLeft');
  await expect(panel(page).getByTestId('timeline-forward')).toContainText('1/7');
  const lr = panel(page).getByLabel('Learning rate');
  await lr.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  await expect(lr).toHaveValue('0. 1');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(panel(page).getByTestId('timeline-forward')).toContainText('1/7');
});

test('xor-mlp: the layer step shows the gradients it sends to its inputs; panel and caption fit', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openTeach(page, 'xor-mlp');
  await page.getByRole('button', { name: 'Run forward', exact: true }).click();
  const step = panel(page).getByRole('region', { name: 'Current step' });
  for (let i = 0; i < 6 && !(await step.textContent())?.includes('layer hidden'); i++) {
    await page.getByRole('button', { name: 'Step backward', exact: true }).click();
  }
  await expect(step).toContainText('layer hidden');
  await expect(step.getByRole('math').first()).toHaveAttribute('aria-label', /-0\.05645, -0\.02661/);
  await expect(page.getByTestId('teach-caption')).toContainText('−0.05645, −0.02661');
  await shot(page, testInfo, 'teach-13-layer-backward');
  // x2: grouped by layer, the result visible, no internal names
  while (!(await step.textContent())?.includes('∂L/∂x2')) await page.getByRole('button', { name: 'Step backward', exact: true }).click();
  const caption = page.getByTestId('teach-caption');
  await expect(caption.locator('.formula')).toHaveAttribute('aria-label', /via.*hidden.*= -0\.02661$/);
  await expect(caption).not.toContainText('m0_1');
  const canvasRight = async () => {
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    return canvas.x + canvas.width;
  };
  const captionRight = async () => {
    const box = (await caption.boundingBox())!;
    return box.x + box.width;
  };
  await expect.poll(captionRight).toBeLessThanOrEqual(await canvasRight());
  await expect(step).toContainText('x2 → layer hidden');
  await expect(step).not.toContainText('+ −');
  await shot(page, testInfo, 'teach-14-x2-via-layer');
  await page.getByRole('button', { name: 'Run backward', exact: true }).click();
  await page.getByRole('button', { name: 'Apply update', exact: true }).click();
  const table = page.getByTestId('update-table');
  await expect(table).toBeVisible();
  // ids never break across lines
  const cell = table.locator('td').first();
  await expect.poll(async () => (await cell.boundingBox())!.height).toBeLessThan(30);
  await shot(page, testInfo, 'teach-15-layer-update');
});

test('chain-rule: Apply update is disabled without params; presentation fits the whole graph', async ({ page }, testInfo) => {
  for (const [width, height] of [
    [1366, 768],
    [1280, 720],
  ]) {
    await page.setViewportSize({ width, height });
    await openTeach(page, 'chain-rule');
    await page.getByRole('button', { name: 'Run backward', exact: true }).click();
    const update = page.getByRole('button', { name: 'Apply update', exact: true });
    await expect(update).toBeDisabled();
    await expect(update).toHaveAttribute('title', 'This graph has no parameters (param nodes or layers) to update');
    // What the room reads, the card's value, grows on screen (the editor's fit may already be at
    // zoom 1 when that keeps card text legible, fitClear.ts: legibleFit, so compare text, not zoom).
    const valuePx = async () => {
      const font = await cardValue(nodeById(page, 'J')).evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      return font * (await zoomOf(page));
    };
    const valueBefore = await valuePx();
    await page.getByRole('button', { name: 'Presentation' }).click();
    const presented = await settledZoomAbove(page, 0);
    expect(await valuePx()).toBeGreaterThan(valueBefore * 1.05);
    await expect.poll(() => cardsOutsideCanvas(page)).toEqual([]);
    // Fit View keeps Presentation's fit rather than the editor's: zoomed out first, it comes back.
    await page.locator('.react-flow__controls-zoomout').click();
    await expect.poll(() => zoomOf(page)).toBeLessThan(presented);
    await page.getByRole('button', { name: 'Fit View' }).click();
    await expect.poll(() => zoomOf(page)).toBeCloseTo(presented, 3);
    await shot(page, testInfo, `teach-16-presentation-${width}`);
  }
});

test('sum-over-paths: presentation in the dark theme', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openTeach(page, 'sum-over-paths');
  await page.getByRole('button', { name: 'Run backward', exact: true }).click();
  const zoomBefore = await zoomOf(page);
  await page.getByRole('button', { name: 'Presentation' }).click();
  await settledZoomAbove(page, zoomBefore);
  await expect.poll(() => cardsOutsideCanvas(page)).toEqual([]);
  // Nothing under the zoom controls in the corner.
  const underControls = async () => {
    const controls = (await page.locator('.react-flow__controls').boundingBox())!;
    return page.locator('.react-flow__node').evaluateAll(
      (cards, c) =>
        cards
          .filter((card) => {
            const r = card.getBoundingClientRect();
            return !(r.left >= c.x + c.width || r.bottom <= c.y);
          })
          .map((card) => (card as HTMLElement).dataset.id),
      controls,
    );
  };
  await expect.poll(underControls).toEqual([]);
  await shot(page, testInfo, 'teach-17-presentation-dark');
});

test('xor-mlp: the chip between two layers is the true local derivative, upstream × local = contribution', async ({ page }, testInfo) => {
  await openTeach(page, 'xor-mlp');
  await page.getByRole('button', { name: 'Run forward', exact: true }).click();
  const stepBackward = page.getByRole('button', { name: 'Step backward', exact: true });
  for (let i = 0; i < 4; i++) await stepBackward.click();
  await expect(panel(page).getByRole('region', { name: 'Current step' })).toContainText('layer hidden');
  const chip = page.locator('.teach-edge-label').filter({ hasText: '∂output/∂hidden.y0' });
  // σ′(z)·w, not the raw weight −0.5261; −0.7313 × −0.122 = 0.08923
  await expect(chip).toContainText('= -0.122');
  await expect(chip).toContainText('→ 0.08923');
  await expect(chip).toHaveAttribute('title', /Upstream ∂L\/∂output = -0\.7312\d*\n.*: -0\.7312\d* × -0\.1220\d* = 0\.0892\d*$/);
  await shot(page, testInfo, 'teach-16-layer-edge-chip');
});

test('Build: "Edge derivatives" shows each edge’s local derivative; a selected edge shows its upstream and contribution', async ({ page }, testInfo) => {
  await page.goto('/?sample=chain-rule');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const chips = page.getByTestId('edge-label');
  const toggle = page.getByRole('button', { name: 'Edge derivatives' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(chips).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // u = b·c with b = 3: ∂u/∂c = 3, upstream ∂J/∂u = 3, contribution 9
  const cu = page.locator('[data-testid="edge-label"][data-source="c"][data-target="u"]');
  await expect(cu.getByTestId('edge-local')).toHaveText('×3');
  await expect(cu.getByTestId('edge-contribution')).toHaveText('9');
  // Hovering the line shows a tooltip on the canvas with the three numbers, beside the pointer.
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeHidden();
  const onLine = await pointOnEdge(page, 'c->u:1', 0.3);
  await page.mouse.move(onLine.x, onLine.y);
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(/^Local derivative\s*∂u\/∂c = 3\s*Upstream gradient\s*∂J\/∂u = 3\s*Contribution to ∂J\/∂c\s*3 × 3 = 9$/);
  const tipBox = (await tip.boundingBox())!;
  expect(Math.hypot(tipBox.x - onLine.x, tipBox.y - onLine.y), 'beside the pointer').toBeLessThan(40);
  // Readable at the default zoom: 12 px or more, whatever the canvas's zoom.
  expect(
    await tip
      .locator('dd')
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
  ).toBeGreaterThanOrEqual(12);
  await shot(page, testInfo, 'build-edge-tooltip-hover');
  // Leaving hides it; so does Escape.
  const away = await emptyCanvasPoint(page);
  await page.mouse.move(away.x, away.y);
  await expect(tip).toBeHidden();
  await page.mouse.move(onLine.x, onLine.y);
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.mouse.move(away.x, away.y);
  // Keyboard focus on the edge shows it too, below the chip, and the edge is described by it.
  const edge = page.getByTestId('rf__edge-c->u:1');
  await expect(edge).toHaveAttribute('aria-describedby', /(^|\s)edge-derivative-tip$/);
  await edge.focus();
  await expect(tip).toBeVisible();
  await expect(tip.getByTestId('edge-tip-upstream')).toHaveText('3');
  const chipBox = (await cu.boundingBox())!;
  expect((await tip.boundingBox())!.y).toBeGreaterThanOrEqual(chipBox.y + chipBox.height);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await edge.blur();
  await page.getByTestId('rf__edge-c->u:1').locator('.react-flow__edge-interaction').click({ force: true });
  await expect(cu.getByTestId('edge-name')).toHaveText('∂u/∂c');
  await expect(cu.getByTestId('edge-local')).toHaveText('= 3');
  await expect(cu.getByTestId('edge-contribution')).toHaveText('→ 9');
  // Selected, the edge keeps its tooltip while the pointer is elsewhere.
  await page.mouse.move(away.x, away.y);
  await expect(tip.getByTestId('edge-tip-contribution')).toHaveText('9');
  await shot(page, testInfo, 'build-edge-derivatives');
  // The toggle stays on for the next page. Across layers the chip is the true
  // ∂output/∂hidden.y0 = σ′(z)·w, not the weight.
  await page.goto('/?sample=xor-mlp');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edge derivatives' })).toHaveAttribute('aria-pressed', 'true');
  await page.locator('.react-flow__edge[data-id^="h->out:"]').first().focus();
  await expect(page.getByRole('tooltip')).toContainText('∂output/∂hidden.y0 = −0.122');
});
