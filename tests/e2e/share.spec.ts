import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cardValue, nodeById, select, setField, shot } from './helpers.ts';

/** Opens the Export menu and picks an item. */
async function exportItem(page: Page, name: string) {
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name }).click();
}

/** Drops a file onto the canvas, as a user dragging it from their desktop. */
async function dropFile(page: Page, path: string, name: string, type: string) {
  const bytes = [...readFileSync(path)];
  const dt = await page.evaluateHandle(
    ([data, fileName, mime]) => {
      const t = new DataTransfer();
      t.items.add(new File([new Uint8Array(data as number[])], fileName as string, { type: mime as string }));
      return t;
    },
    [bytes, name, type] as const,
  );
  await page.locator('.canvas').dispatchEvent('drop', { dataTransfer: dt });
}

test('a share link carries the whole graph, edited weights included', async ({ page, browser }, testInfo) => {
  await page.goto('/?sample=neuron');
  await select(page, 'w1');
  await setField(page, 'Value', '0.75');
  await expect(cardValue(nodeById(page, 'w1'))).toHaveText('0.75');
  const loss = await cardValue(nodeById(page, 'L')).textContent();
  await exportItem(page, 'Copy link');
  await expect(page.getByRole('status').or(page.getByRole('alert')).first()).toContainText(/Link copied|address bar/);
  const url = page.url();
  expect(url).toMatch(/#model=[A-Za-z0-9_-]+$/);

  // A different person (a fresh browser profile: no autosave) opens the link.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(url);
  await expect(cardValue(nodeById(p2, 'w1'))).toHaveText('0.75');
  await expect(cardValue(nodeById(p2, 'L'))).toHaveText(loss!);
  await expect(p2.locator('.toolbar__title')).toHaveText('Will I pass the exam? One sigmoid neuron');
  await shot(p2, testInfo, 'share-link-opened');

  // A damaged link says so and opens the default graph instead of a broken one.
  await p2.goto(`${url.slice(0, url.indexOf('#model=') + 20)}`);
  await p2.reload();
  await expect(p2.getByRole('alert')).toContainText('shared link could not be opened');
  await other.close();
});

test('a PNG export carries the model: dropping it on the canvas reopens the graph', async ({ page, browser }, testInfo) => {
  await page.goto('/?sample=sum-over-paths');
  await select(page, 'a');
  await setField(page, 'Value', '4');
  await expect(cardValue(nodeById(page, 'e'))).toHaveText('10');
  const download = page.waitForEvent('download');
  await exportItem(page, 'PNG image (whole graph)');
  const png = testInfo.outputPath('graph.png');
  await (await download).saveAs(png);
  const bytes = readFileSync(png);
  expect([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5000); // a real picture, not an empty canvas

  // The SVG picture draws the wires too (their stroke comes from a stylesheet the copy must inline).
  const svgDownload = page.waitForEvent('download');
  await exportItem(page, 'SVG image (whole graph)');
  const svg = readFileSync(await (await svgDownload).path(), 'utf8');
  const edgePaths = svg.match(/<path[^>]*react-flow__edge-path[^>]*>/g) ?? [];
  expect(edgePaths).toHaveLength(6);
  for (const p of edgePaths) expect(p).toMatch(/stroke: rgb\(/);
  writeFileSync(testInfo.outputPath('graph.svg'), svg);

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto('/?sample=chain-rule');
  await expect(cardValue(nodeById(p2, 'J'))).toHaveText('33');
  await dropFile(p2, png, 'graph.png', 'image/png');
  await expect(cardValue(nodeById(p2, 'e'))).toHaveText('10');
  await expect(cardValue(nodeById(p2, 'a'))).toHaveText('4');
  await shot(p2, testInfo, 'png-reopened');

  // A PNG that carries no model is refused with the reason; the graph stays.
  const plain = testInfo.outputPath('plain.png');
  writeFileSync(plain, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
  await dropFile(p2, plain, 'plain.png', 'image/png');
  await expect(p2.getByRole('alert')).toContainText('carries no GraphGrad model');
  await expect(cardValue(nodeById(p2, 'e'))).toHaveText('10');
  await other.close();
});

test('imports that fail leave the graph untouched and list the problems', async ({ page }, testInfo) => {
  await page.goto('/?sample=chain-rule');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  const cases: [string, string, RegExp][] = [
    ['malformed.json', '{\n  "format": "graphgrad",\n  "nodes": [,]\n}', /Not valid JSON at line 3, column 13/],
    ['newer.json', JSON.stringify({ format: 'graphgrad', version: 2, nodes: [], edges: [] }), /format version 2, written by a newer GraphGrad/],
    [
      'cycle.json',
      JSON.stringify({
        format: 'graphgrad',
        version: 1,
        nodes: [
          { id: 'p', op: 'exp' },
          { id: 'q', op: 'neg' },
        ],
        edges: [
          { source: 'p', target: 'q', port: 0 },
          { source: 'q', target: 'p', port: 0 },
        ],
      }),
      /cycle: "p" -> "q" -> "p"/,
    ],
    ['unknown.json', JSON.stringify({ format: 'graphgrad', version: 1, nodes: [{ id: 'z', op: 'frobnicate' }], edges: [] }), /unknown op "frobnicate"/],
    ['huge.json', `{"format": "graphgrad", "pad": "${'x'.repeat(21 * 1024 * 1024)}"}`, /GraphGrad opens models up to 20\.0 MB/],
  ];
  for (const [name, text, message] of cases) {
    const path = testInfo.outputPath(name);
    writeFileSync(path, text);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await (await chooser).setFiles(path);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message);
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
    await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  // Undo still has nothing to undo from the refused imports: they changed nothing.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('ONNX and PyTorch files download from the Export menu', async ({ page }) => {
  await page.goto('/?sample=xor-mlp');
  let download = page.waitForEvent('download');
  await exportItem(page, 'ONNX model');
  const onnx = await download;
  expect(onnx.suggestedFilename()).toMatch(/\.onnx$/);
  download = page.waitForEvent('download');
  await exportItem(page, 'PyTorch script');
  const py = await download;
  expect(py.suggestedFilename()).toMatch(/\.py$/);
  const script = readFileSync(await py.path(), 'utf8');
  expect(script).toContain('nn.Linear(2, 2)');
  expect(script).toContain('def self_check():');
});

test('edits made after opening a deep link or a share link survive a reload', async ({ page }) => {
  await page.goto('/?sample=chain-rule');
  await select(page, 'a');
  await setField(page, 'Value', '10');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('48');
  expect(new URL(page.url()).search).toBe('');
  // Autosave is batched: the edit reaches storage a moment later.
  const storedA = () =>
    page.evaluate(
      () =>
        (JSON.parse(localStorage.getItem('graphgrad.autosave') ?? '{}').nodes as { id: string; value?: number }[] | undefined)?.find((n) => n.id === 'a')
          ?.value,
    );
  await expect.poll(storedA).toBe(10);
  await page.reload();
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('48');
});

test('a link opens over the graph the user had: Undo brings it back, and storage keeps it until the linked one is edited', async ({ page }) => {
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('graphgrad.autosave') ?? '{}').name as string);
  // Time runs as usual, but the test can also move it on at once (past autosave's batching delay).
  await page.clock.install();
  await page.goto('/');
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByLabel('Name', { exact: true }).fill('My own graph');
  await expect.poll(stored).toBe('My own graph');

  await page.goto('/?sample=xor-mlp');
  await expect(nodeById(page, 'h')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Opened the sample "xor-mlp". Undo brings back the graph you had.' })).toBeVisible();
  // Only looking at the link changes nothing stored, even once autosave's batch is long due: a
  // reload brings the user's graph back.
  await page.clock.runFor(2000);
  expect(await stored()).toBe('My own graph');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('My own graph');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // Editing the linked graph makes it the one stored.
  await page.goto('/?sample=chain-rule');
  await select(page, 'a');
  await setField(page, 'Value', '10');
  await expect.poll(stored).toBe('J = 3(a + bc)');
});

test('an idle second tab does not overwrite what another tab stored since', async ({ page, context }) => {
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('graphgrad.autosave') ?? '{}').name as string);
  await page.goto('/');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  const second = await context.newPage();
  await second.goto('/');
  await expect(cardValue(nodeById(second, 'J'))).toHaveText('33');
  // The first tab edits; the second, untouched, is hidden and then reloaded.
  await page.bringToFront();
  await page.getByLabel('Name', { exact: true }).fill('Edited in the first tab');
  await expect.poll(stored).toBe('Edited in the first tab');
  await second.reload();
  await expect(second.getByLabel('Name', { exact: true })).toHaveValue('Edited in the first tab');
  await second.close();
  expect(await stored()).toBe('Edited in the first tab');
});
