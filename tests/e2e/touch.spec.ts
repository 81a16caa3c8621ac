/**
 * A tablet: touch only, 1024×768, where the palette and inspector are drawers. Tap palette items to add ops at the view's centre, tap an output
 * handle then an input handle to connect, long-press a card for its menu, pinch to zoom, two
 * fingers to pan, and step Teach by tapping. Hand-worked: a = 3, b = 4, y = a·b = 12,
 * ∂y/∂a = b = 4.
 */
import { expect, test, type CDPSession, type Locator, type Page } from '@playwright/test';
import { cardValue, nodeById, shot } from './helpers.ts';

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });

const centre = async (l: Locator) => {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};
const tap = async (page: Page, l: Locator, dx = 0, dy = 0) => {
  const p = await centre(l);
  await page.touchscreen.tap(p.x + dx, p.y + dy);
};
const zoomOf = (page: Page) => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
const panOf = (page: Page) =>
  page.evaluate(() => {
    const m = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    return { x: m.e, y: m.f };
  });

type Point = { x: number; y: number };
const touch = (cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]) =>
  cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });

/** Two fingers from `from` to `to`, in steps (a pinch when they spread, a pan when they move together). */
async function twoFingers(cdp: CDPSession, from: [Point, Point], to: [Point, Point], steps = 8) {
  await touch(cdp, 'touchStart', from);
  for (let s = 1; s <= steps; s++) {
    const t = s / steps;
    await touch(
      cdp,
      'touchMove',
      from.map((p, i) => ({ x: p.x + (to[i].x - p.x) * t, y: p.y + (to[i].y - p.y) * t })),
    );
  }
  await touch(cdp, 'touchEnd', []);
}

/** The midpoint of two points `apart` px apart, side by side, both on empty canvas. */
async function emptyPair(page: Page, apart: number): Promise<Point> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const found = await page.evaluate(
    ([left, top, width, height, apart]) => {
      const onPane = (x: number, y: number) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') ?? false;
      for (let y = top + 80; y < top + height - 80; y += 20)
        for (let x = left + apart / 2 + 10; x < left + width - apart / 2 - 10; x += 20)
          if (onPane(x - apart / 2, y) && onPane(x + apart / 2, y) && onPane(x, y) && onPane(x + 100, y - 60)) return { x, y };
      return undefined;
    },
    [pane.x, pane.y, pane.width, pane.height, apart],
  );
  if (!found) throw new Error('no empty stretch of canvas for two fingers');
  return found;
}

/** At 1024 px the palette and inspector are drawers: taps `tab` open when `content` is not on screen. */
async function reveal(page: Page, content: Locator, tab: string): Promise<void> {
  if (!(await content.isVisible())) await tap(page, page.getByRole('button', { name: tab, exact: true }));
  await expect(content).toBeVisible();
}

/** Closes the open drawer by tapping its tab, so it covers no card. */
async function closeDrawer(page: Page): Promise<void> {
  const open = page.locator('.drawer.is-open .drawer__tab');
  if (await open.count()) await tap(page, open.first());
  await expect(page.locator('.drawer.is-open')).toHaveCount(0);
}

/** Types `value` into the selected card's Value field (in the inspector drawer). */
async function setValue(page: Page, value: string): Promise<void> {
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Value', { exact: true });
  await reveal(page, field, 'Inspector');
  await tap(page, field);
  await field.fill(value);
}

/** Taps palette item `op` (in the palette drawer); returns the new card's id (it is selected). */
async function tapAdd(page: Page, op: string): Promise<string> {
  const before = await page.locator('.react-flow__node').count();
  const item = page.locator(`.palette__item[data-op="${op}"]`);
  await reveal(page, item, 'Ops');
  await tap(page, item);
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 1);
  const id = await page.locator('.react-flow__node.selected').getAttribute('data-id');
  return id!;
}

test('tablet: tap to add, tap-connect, long-press menu, pinch and pan, step Teach by tapping', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  await tap(page, page.getByRole('button', { name: 'New', exact: true }));
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // Tap to add: each op lands in the middle of the canvas (not off screen).
  const a = await tapAdd(page, 'input');
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const aBox = (await nodeById(page, a).boundingBox())!;
  expect(Math.abs(aBox.x + aBox.width / 2 - (pane.x + pane.width / 2))).toBeLessThan(pane.width / 4);
  expect(Math.abs(aBox.y + aBox.height / 2 - (pane.y + pane.height / 2))).toBeLessThan(pane.height / 4);
  await setValue(page, '3');
  const b = await tapAdd(page, 'input');
  await setValue(page, '4');
  const y = await tapAdd(page, 'mul');
  await closeDrawer(page);
  await shot(page, testInfo, 'touch-01-added');

  // The handles take a finger 44 px wide (an output 44 px high too; inputs a row, 19 px, so that
  // rows do not cover each other): 15 px off a handle's centre is still that handle.
  const handleAt = (x: number, y: number) =>
    page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.react-flow__handle')?.getAttribute('data-handleid') ?? null, [x, y]);
  const out = nodeById(page, a).locator('.react-flow__handle[data-handleid="out-0"]');
  const o = await centre(out);
  expect(await handleAt(o.x + 15, o.y + 12)).toBe('out-0');
  expect(await handleAt(o.x - 15, o.y - 15)).toBe('out-0');
  const in0 = await centre(nodeById(page, y).locator('.react-flow__handle[data-handleid="in-0"]'));
  expect(await handleAt(in0.x - 18, in0.y)).toBe('in-0');
  expect(await handleAt(in0.x + 15, in0.y + 8)).toBe('in-0');
  expect(await handleAt(in0.x - 15, in0.y + 12)).toBe('in-1');

  // Tap-connect: output, then input.
  await tap(page, out);
  await tap(page, nodeById(page, y).locator('.react-flow__handle[data-handleid="in-0"]'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await tap(page, nodeById(page, b).locator('.react-flow__handle[data-handleid="out-0"]'));
  await tap(page, nodeById(page, y).locator('.react-flow__handle[data-handleid="in-1"]'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(cardValue(nodeById(page, y))).toHaveText('12');
  await shot(page, testInfo, 'touch-02-connected');

  // Long-press a card: its menu. The finger stays down until the menu shows.
  const cdp = await page.context().newCDPSession(page);
  const header = await centre(nodeById(page, b).locator('.op-node__header'));
  await touch(cdp, 'touchStart', [header]);
  const menu = page.getByRole('menu', { name: /actions$/ });
  await expect(menu).toBeVisible();
  await touch(cdp, 'touchEnd', []);
  await expect(menu.getByRole('menuitem')).toHaveText(['Connect from here…', 'Duplicate', 'Delete']);
  await shot(page, testInfo, 'touch-03-long-press-menu');
  await tap(page, menu.getByRole('menuitem', { name: 'Duplicate' }));
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await tap(page, page.getByRole('button', { name: 'Undo' }));
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  // Pinch out zooms in; two fingers moving together pan. Both fingers on empty canvas (not a
  // card or the minimap, which take touches of their own).
  const mid = await emptyPair(page, 240);
  const before = await zoomOf(page);
  await twoFingers(
    cdp,
    [
      { x: mid.x - 40, y: mid.y },
      { x: mid.x + 40, y: mid.y },
    ],
    [
      { x: mid.x - 120, y: mid.y },
      { x: mid.x + 120, y: mid.y },
    ],
  );
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(before * 1.5);
  const zoomed = await zoomOf(page);
  const p0 = await panOf(page);
  const mid2 = await emptyPair(page, 80);
  await twoFingers(
    cdp,
    [
      { x: mid2.x - 40, y: mid2.y },
      { x: mid2.x + 40, y: mid2.y },
    ],
    [
      { x: mid2.x - 40 + 100, y: mid2.y - 60 },
      { x: mid2.x + 40 + 100, y: mid2.y - 60 },
    ],
  );
  await expect.poll(async () => (await panOf(page)).x - p0.x).toBeGreaterThan(60);
  expect((await panOf(page)).y - p0.y).toBeLessThan(-30);
  expect(Math.abs((await zoomOf(page)) / zoomed - 1)).toBeLessThan(0.05);

  // Teach by tapping: forward to y = 12, then back to ∂y/∂a = 4.
  await tap(page, page.getByRole('button', { name: 'Teach', exact: true }));
  // At 1024 wide the panel is a drawer: its tab opens it.
  await tap(page, page.getByRole('button', { name: 'Teach panel' }));
  const teach = page.getByRole('complementary', { name: 'Teach panel' });
  await expect(teach).toBeVisible();
  const stepForward = teach.getByRole('button', { name: 'Step forward', exact: true });
  for (let i = 0; i < 3; i++) await tap(page, stepForward);
  await expect(cardValue(nodeById(page, y))).toHaveText('12');
  await expect(page.getByTestId('live-polite')).toHaveText('Forward: mul1 = a × b = 3 × 4 = 12'.replace('mul1', y));
  const stepBackward = teach.getByRole('button', { name: 'Step backward', exact: true });
  for (let i = 0; i < 3 && !(await page.getByTestId('live-polite').textContent())?.includes('/∂a'); i++) await tap(page, stepBackward);
  await expect(page.getByTestId('live-polite')).toHaveText(`Backward: ∂${y}/∂a = 1 × 4 = 4`);
  await shot(page, testInfo, 'touch-04-teach');
});
