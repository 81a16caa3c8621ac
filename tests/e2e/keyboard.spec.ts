/**
 * Every mode without a mouse: build J = 3(a + bc) from the keyboard alone (quick-add, the
 * inspector, keyboard wiring), step Teach with each step read out, and Play/Pause training.
 * Hand-worked: a = 5, b = 3, c = 2, so u = bc = 6, v = a + u = 11, J = 3v = 33, and backward
 * ∂J/∂b = ∂J/∂u · c = 3 × 2 = 6.
 */
import { expect, test, type Page } from '@playwright/test';
import { cardValue, nodeByLabel, shot } from './helpers.ts';

const live = (page: Page) => page.getByTestId('live-polite');
/** The focused element's accessible name as the page gives it (aria-label or text). */
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
const focusedCardLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('.react-flow__node-op')?.querySelector('[data-testid="node-label"]')?.textContent ?? '');

/** Tabs (forward, or backward with shift) until the focused element's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: RegExp, { shift = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`no focusable element named ${name} within ${max} Tab presses`);
}

/** "/" quick-add, type the op, Enter: the new card has the focus. Then I edits its label (and value). */
async function addCard(page: Page, op: string, label: string, value?: string): Promise<void> {
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: 'Quick add search' })).toBeFocused();
  await page.keyboard.type(op);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.react-flow__node-op'))).toBe(true);
  await page.keyboard.press('i');
  await expect(page.locator('#node-label')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(label);
  if (value !== undefined) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Value', { exact: true })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
  }
  // Escape leaves the inspector, back on the card.
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedCardLabel(page)).toBe(label);
}

/** C on the focused card, type-ahead `query`, Enter: wired, and focus is back on the card. */
async function wire(page: Page, query: string, expectChoice: RegExp): Promise<void> {
  const from = await focusedCardLabel(page);
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: `Connect from ${from}` });
  await expect(picker).toBeVisible();
  await page.keyboard.type(query);
  await expect(picker.getByRole('option', { selected: true })).toHaveText(expectChoice);
  await expect(live(page)).toContainText(expectChoice);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(live(page)).toContainText(`Connected ${from} to`);
  await expect.poll(() => focusedCardLabel(page)).toBe(from);
}

test('keyboard only: build J = 3(a + bc), reads J = 33; one undo per wire; a cycle is refused with the engine message', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // The first Tab stop is the skip link, shown when focused.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('button', { name: 'Skip to canvas' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await shot(page, testInfo, 'keyboard-00-skip-link');
  await skip.press('Enter');
  // It lands on a card of the sample, with a visible focus ring.
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('react-flow__node'))).toBe(true);
  const ring = await page.evaluate(() => `${getComputedStyle(document.activeElement!).outlineStyle} ${getComputedStyle(document.activeElement!).outlineWidth}`);
  expect(ring).toBe('solid 3px');
  await shot(page, testInfo, 'keyboard-01-focus-ring');
  // Wires come before the cards in Tab order: Shift+Tab from the first card is the last wire, drawn dashed in the ring colour.
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('react-flow__edge'))).toBe(true);
  const dash = await page.evaluate(() => {
    const path = getComputedStyle(document.activeElement!.querySelector('.react-flow__edge-path')!);
    return `${path.strokeDasharray} ${path.strokeWidth}`;
  });
  expect(dash).toBe('7px, 4px 3.5px');
  await shot(page, testInfo, 'keyboard-01b-focused-wire');

  // New, from the toolbar.
  await tabTo(page, /^New$/, { shift: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  await addCard(page, 'mul', 'J');
  await addCard(page, 'const', '3', '3');
  await wire(page, 'J x1', /^J, input x1 \(free\)/);
  await addCard(page, 'add', 'v');
  await wire(page, 'J x2', /^J, input x2 \(free\)/);

  // From J (two Shift+Tabs back: v, 3, J in the order they were added) to v would be a cycle.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focusedCardLabel(page)).toBe('J');
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Connect from J' });
  await page.keyboard.type('v');
  await expect(picker.getByRole('option', { selected: true })).toHaveText(/^v, input x1 \(free\)/);
  await expect(picker.getByTestId('kbd-connect-problem')).toContainText('The graph has a cycle');
  await shot(page, testInfo, 'keyboard-02-connect-refused');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('The graph has a cycle');
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect.poll(() => focusedCardLabel(page)).toBe('J');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedCardLabel(page)).toBe('v');
  await addCard(page, 'input', 'a', '5');
  await wire(page, 'v x1', /^v, input x1 \(free\)/);
  await addCard(page, 'mul', 'u');
  // Type-ahead, then arrows: "v" lists v's ports; ↓ moves to x2.
  await page.keyboard.press('c');
  const fromU = page.getByRole('dialog', { name: 'Connect from u' });
  await page.keyboard.type('v');
  await page.keyboard.press('ArrowDown');
  await expect(fromU.getByRole('option', { selected: true })).toHaveText(/^v, input x2 \(free\)/);
  await expect(live(page)).toContainText('v, input x2 (free). 2 of');
  await shot(page, testInfo, 'keyboard-03-connect-picker');
  await page.keyboard.press('Enter');
  await expect(live(page)).toContainText('Connected u to v, input x2');

  await addCard(page, 'input', 'b', '3');
  await wire(page, 'u x1', /^u, input x1 \(free\)/);
  await addCard(page, 'input', 'c', '2');
  await wire(page, 'u x2', /^u, input x2 \(free\)/);
  await expect(cardValue(nodeByLabel(page, 'J'))).toHaveText('33');
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  await shot(page, testInfo, 'keyboard-04-built');

  // One undo step per wire: Undo takes back c → u only.
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo Connect/);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await expect(nodeByLabel(page, 'J').getByTestId('node-badge')).toHaveText('needs input');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(cardValue(nodeByLabel(page, 'J'))).toHaveText('33');

  // Teach from the keyboard: each step is read out in words.
  await tabTo(page, /^Teach$/, { shift: true, max: 120 });
  await page.keyboard.press('Enter');
  const teach = page.getByRole('complementary', { name: 'Teach panel' });
  await expect(teach).toBeVisible();
  const stepForward = teach.getByRole('button', { name: 'Step forward', exact: true });
  await tabTo(page, /^Step forward$/, { max: 60 });
  await page.keyboard.press('Enter');
  await expect(live(page)).toContainText(/^Forward: /);
  // Step on (→) until J's forward step: the whole formula with the numbers.
  for (let i = 0; i < 10 && !(await live(page).textContent())?.startsWith('Forward: J'); i++) await page.keyboard.press('ArrowRight');
  await expect(live(page)).toHaveText('Forward: J = 3 × v = 3 × 11 = 33');
  await expect(stepForward).toBeDisabled();
  for (let i = 0; i < 10 && !(await live(page).textContent())?.includes('∂J/∂b'); i++) await page.keyboard.press('ArrowRight');
  await expect(live(page)).toHaveText('Backward: ∂J/∂b = 3 × 2 = 6');
  await shot(page, testInfo, 'keyboard-05-teach');
});

test('keyboard only: Train plays and pauses', async ({ page }) => {
  await page.goto('/?sample=xor-mlp');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await tabTo(page, /^Train$/);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await expect(panel.getByTestId('epoch')).toHaveText('0');
  await tabTo(page, /^Play$/);
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('epoch')).not.toHaveText('0');
  // The same button, now Pause, keeps the focus: Enter again pauses.
  await expect.poll(() => focusedName(page)).toMatch(/^(Pause|Play)$/);
  if ((await focusedName(page)) === 'Pause') await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const epoch = await panel.getByTestId('epoch').textContent();
  await expect(panel.getByTestId('epoch')).toHaveText(epoch!);
});
