/** Steps a new user takes in the editor, for the browser tests. */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export const nodeById = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);

/** The node card whose label is exactly `label`. */
export const nodeByLabel = (page: Page, label: string): Locator =>
  page.locator('.react-flow__node').filter({ has: page.getByTestId('node-label').getByText(label, { exact: true }) });

export const cardValue = (card: Locator): Locator => card.getByTestId('node-value');

/** Drags an op from the palette onto the canvas at (x, y) in canvas pixels; returns the new id. */
export async function dropOp(page: Page, op: string, x: number, y: number): Promise<string> {
  const before = await page.locator('.react-flow__node').count();
  await page.locator(`.palette__item[data-op="${op}"]`).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 1);
  const id = await page.locator('.react-flow__node.selected').getAttribute('data-id');
  expect(id).toBeTruthy();
  return id!;
}

/** Drags from a node's output handle to a target's input port (its number, or its name as the card shows it). */
export async function connect(page: Page, source: string, target: string, port: number | string, sourcePort = 0): Promise<void> {
  const from = await nodeById(page, source).locator(`.react-flow__handle[data-handleid="out-${sourcePort}"]`).boundingBox();
  const input = typeof port === 'number' ? `[data-handleid="in-${port}"]` : `[aria-label$=" input ${port}"]`;
  const to = await nodeById(page, target).locator(`.react-flow__handle${input}`).boundingBox();
  if (!from || !to) throw new Error(`handles of ${source} -> ${target}:${port} not found`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2 - 15, to.y + to.height / 2, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 3 });
  await page.mouse.up();
}

/** Selects a node by clicking its header. */
export async function select(page: Page, id: string): Promise<void> {
  await nodeById(page, id).locator('.op-node__header').click();
  await expect(nodeById(page, id)).toHaveClass(/selected/);
}

export async function setField(page: Page, name: string, value: string): Promise<void> {
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel(name, { exact: true });
  await field.fill(value);
}

export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

/** A point where the pointer is over empty canvas (not a node, edge, minimap or control). */
export async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  for (let y = box.y + 30; y < box.y + box.height - 30; y += 20) {
    for (let x = box.x + 80; x < box.x + box.width - 240; x += 20) {
      const hit = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.classList.contains('react-flow__pane') ?? false, [x, y]);
      if (hit) return { x, y };
    }
  }
  throw new Error('no empty canvas point');
}
