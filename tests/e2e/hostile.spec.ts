// Hostile and faulty input in the browser: whatever a link, a file or another tab brings, the user's
// graph stays on screen, edits go on being autosaved, and each failure says what it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import type { Model } from '../../graph-engine/index.ts';
import { encodeShareFragment } from '../../src/share/shareLink.ts';
import { cardValue, dropOp, nodeById, select, setField, shot } from './helpers.ts';

/** Opens a link as a new page load (a fragment change alone would not reload the app). */
async function openLink(page: Page, fragment: string) {
  await page.goto('about:blank');
  await page.goto(`/${fragment}`);
}

const storedName = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('graphgrad.autosave') ?? '{}').name as string);

/** A model whose one node carries `node`'s fields, beside an input x. */
const withNode = (node: Record<string, unknown>): Model =>
  ({
    format: 'graphgrad',
    version: 1,
    name: 'hostile',
    nodes: [
      { id: 'x', op: 'input', value: 1 },
      { id: 'bad', ...node },
    ],
    edges: [],
  }) as unknown as Model;

// Each used to throw while loading, which skipped starting autosave: the page went on, but nothing
// the user did afterwards was saved.
const hostileLinks: [string, Model | string][] = [
  ['an expression variable named like a function', withNode({ op: 'expr', attrs: { expression: 'exp(x) + exp' } })],
  ['an expression variable named constructor', withNode({ op: 'expr', attrs: { expression: 'constructor + x' } })],
  // As text: building the object in Node and serialising it would take the test's own stack.
  ['attrs nested 5,000 deep', JSON.stringify(withNode({ op: 'add', attrs: { deep: 'DEEP' } })).replace('"DEEP"', `${'['.repeat(5000)}${']'.repeat(5000)}`)],
  ['an mlp of a million units', withNode({ op: 'mlp', attrs: { sizes: [1_000_000, 1] } })],
];

for (const [what, model] of hostileLinks) {
  test(`a link with ${what} is refused, and later edits are still autosaved`, async ({ page }) => {
    await page.goto('/');
    await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
    await openLink(page, typeof model === 'string' ? `#model=${deflateRawSync(model).toString('base64url')}` : await encodeShareFragment(model));
    await expect(page.getByRole('alert')).toContainText(/The shared link could not be opened|Could not open the shared graph/);
    // The user's graph is still there, and computes.
    await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
    await select(page, 'a');
    await setField(page, 'Value', '10');
    await expect(cardValue(nodeById(page, 'J'))).toHaveText('48');
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('graphgrad.autosave') ?? '{}').nodes?.find((n: { id: string }) => n.id === 'a')?.value))
      .toBe(10);
    await page.reload();
    await expect(cardValue(nodeById(page, 'J'))).toHaveText('48');
  });
}

test('a link that inflates to hundreds of megabytes is refused with its size, and nothing changes', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  // 300 MB of spaces deflate to about 300 KB: the link used to be inflated whole before the check.
  const bomb = deflateRawSync(Buffer.alloc(300 * 1024 * 1024, ' '), { level: 9 });
  await openLink(page, `#model=${bomb.toString('base64url')}`);
  // The default 5 s poll: inflating it all took 11 s.
  await expect(page.getByRole('alert')).toContainText('larger than 20 MB, the most GraphGrad opens. Nothing was changed.');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await shot(page, testInfo, 'hostile-bomb-link');
});

test("two tabs: an edit over the other tab's newer graph keeps that graph, and both can be had", async ({ page, context }) => {
  await page.goto('/');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  const other = await context.newPage();
  await other.goto('/');
  await expect(cardValue(nodeById(other, 'J'))).toHaveText('33');
  // The second tab edits and saves; the first hears of it at once.
  await other.getByLabel('Name', { exact: true }).fill('Made in the second tab');
  await expect.poll(() => storedName(page)).toBe('Made in the second tab');
  await expect(page.getByRole('status').filter({ hasText: 'This graph is open in another tab too' })).toBeVisible();
  // The first tab edits too: its graph is stored, and the second tab's is kept aside, not lost.
  await page.bringToFront();
  await page.getByLabel('Name', { exact: true }).fill('Made in the first tab');
  await expect.poll(() => storedName(page)).toBe('Made in the first tab');
  const kept = page.getByRole('status').filter({ hasText: "the other tab's graph was kept aside" });
  await expect(kept).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('graphgrad.autosave.other-tab') ?? '{}').name)).toBe('Made in the second tab');
  // Opening it here gives both: Undo goes back to this tab's graph.
  await kept.getByRole('button', { name: "Open the other tab's graph" }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Made in the second tab');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Made in the first tab');
  await other.close();
});

test('a part of the editor that fails shows why and a way out, and the rest keeps working', async ({ page }, testInfo) => {
  // The Train panel's code, replaced by a module whose component throws as it renders.
  await page.route(/\/assets\/TrainPanel-[^/]*\.js$/, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'export default function TrainPanel() { throw new Error("the panel broke"); }' }),
  );
  await page.goto('/');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await page.getByRole('button', { name: 'Train' }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'The train panel hit an error.' });
  await expect(failed).toContainText('the panel broke');
  await expect(failed.getByRole('button', { name: 'Save the graph as a file' })).toBeVisible();
  // The canvas and toolbar carry on, and the graph is intact.
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await shot(page, testInfo, 'hostile-panel-error');
  const download = page.waitForEvent('download');
  await failed.getByRole('button', { name: 'Save the graph as a file' }).click();
  expect((await download).suggestedFilename()).toBe('j-3-a-bc.json');
  await page.getByRole('button', { name: 'Build' }).click();
  await expect(failed).toHaveCount(0);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('J = 3(a + bc)');
});

test('closing or reloading the page while training asks first', async ({ page }) => {
  await page.goto('/?sample=xor-mlp');
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  // No limit, so training is still running when the page is closed.
  await panel.getByLabel('Stop at epoch').fill('');
  await panel.getByLabel('Stop at epoch').press('Enter');
  await panel.getByRole('button', { name: 'Play' }).click();
  await expect(panel.getByRole('button', { name: 'Pause' })).toBeVisible();
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
  // Paused, the page closes without asking.
  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.getByRole('button', { name: 'Play' })).toBeVisible();
  let askedAgain = false;
  page.on('dialog', (d) => {
    askedAgain = true;
    void d.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(askedAgain).toBe(false);
});

test('a formula that used to freeze the tab compiles as it is typed', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New' }).click();
  const id = await dropOp(page, 'expr', 300, 200);
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Expression', { exact: true });
  // A max of ten variables took 49 s to differentiate, on every keystroke, on the page's thread.
  await field.fill('');
  await field.pressSequentially('max(a, b, c, d, f, g, h, k, m, n)');
  await expect(nodeById(page, id).locator('.react-flow__handle.target')).toHaveCount(10);
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByRole('math').first()).toBeVisible();
  // Past the nesting budget it says which budget, and the card waits for a good formula.
  await field.fill(`${'sin('.repeat(40)}x${')'.repeat(40)}`);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('expressions may nest up to 32');
});

test('node ids named like JavaScript built-ins train like any others', async ({ page }) => {
  const xor = JSON.parse(readFileSync('samples/xor-mlp.json', 'utf8')) as Model;
  const rename: Record<string, string> = { h: 'toString', out: 'constructor', L: '__proto__' };
  const to = (id: string) => rename[id] ?? id;
  const hostile = {
    ...xor,
    nodes: xor.nodes.map((n) => ({ ...n, id: to(n.id) })),
    edges: xor.edges.map((e) => ({ ...e, source: to(e.source), target: to(e.target) })),
    loss: to(xor.loss!),
  };
  await page.goto('/');
  await openLink(page, await encodeShareFragment(hostile));
  await expect(nodeById(page, 'toString')).toBeVisible();
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await panel.getByRole('combobox', { name: 'Speed' }).selectOption('Max');
  await panel.getByRole('button', { name: 'Play' }).click();
  // Training runs to the sample's 500 epochs and stops, with every panel and canvas overlay drawn.
  await expect(panel.getByTestId('epoch')).toHaveText('500', { timeout: 30_000 });
  await expect(page.getByText('hit an error')).toHaveCount(0);
  await expect(panel.getByTestId('initial-loss')).not.toHaveText('–');
  await page.getByRole('button', { name: 'Build' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(xor.name!);
});

test('a CSV far over the row limit is refused at the line after it, and training data stays', async ({ page }, testInfo) => {
  await page.goto('/?sample=xor-mlp');
  await page.getByRole('button', { name: 'Train' }).click();
  const panel = page.getByRole('complementary', { name: 'Train panel' });
  await expect(panel.getByRole('button', { name: 'Play' })).toBeEnabled();
  // 1,000,000 rows (16 MB): the reader stops at row 100,001 instead of splitting the whole file.
  const rows = Array.from({ length: 1_000_000 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${i % 2}`);
  const file = testInfo.outputPath('huge.csv');
  writeFileSync(file, `x1,x2,y\n${rows.join('\n')}\n`);
  await panel.getByLabel('Load a CSV file').setInputFiles(file);
  await expect(panel).toContainText('huge.csv: line 100002: the file has more than 100,000 data rows, the most GraphGrad trains on.');
  // The built-in data set is one choice away, and trains.
  await panel.getByLabel('Dataset').selectOption({ label: 'XOR truth table (4 rows)' });
  await expect(panel.getByRole('button', { name: 'Play' })).toBeEnabled();
});
