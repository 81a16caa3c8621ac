import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { serializeModel } from '../../graph-engine/index.ts';
import { gridModel } from '../support/models.ts';
import { cardValue, connect, dropOp, emptyCanvasPoint, nodeById, nodeByLabel, select, setField, shot } from './helpers.ts';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('a new user builds J = 3(a + bc), edits, undoes, reloads, saves and reopens', async ({ page }, testInfo) => {
  await page.goto('/');
  // First visit: the chain-rule sample.
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await shot(page, testInfo, '01-first-visit');

  await page.getByRole('button', { name: 'New' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  const a = await dropOp(page, 'input', 120, 80);
  const b = await dropOp(page, 'input', 120, 240);
  const c = await dropOp(page, 'input', 120, 400);
  const u = await dropOp(page, 'mul', 360, 330);
  const v = await dropOp(page, 'add', 600, 180);
  const three = await dropOp(page, 'const', 600, 20);
  const J = await dropOp(page, 'mul', 840, 110);
  await setField(page, 'Label', 'J');

  await connect(page, b, u, 0);
  await connect(page, c, u, 1);
  await connect(page, a, v, 0);
  await connect(page, u, v, 1);
  await connect(page, three, J, 0);
  await connect(page, v, J, 1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);

  for (const [id, value] of [
    [a, '5'],
    [b, '3'],
    [c, '2'],
    [three, '3'],
  ] as const) {
    await select(page, id);
    await setField(page, 'Value', value);
  }
  const jCard = nodeByLabel(page, 'J');
  await expect(cardValue(jCard)).toHaveText('33');
  await expect(jCard.getByTestId('node-grad')).toContainText('1');
  await expect(nodeById(page, b).getByTestId('node-grad')).toContainText('6');
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo Auto-layout/);
  await expect.poll(() => overlappingCards(page)).toEqual([]);
  await expect.poll(() => cardsUnderMinimap(page)).toEqual([]);
  await shot(page, testInfo, '02-built');

  // Closing a cycle is refused, with a message naming it.
  await connect(page, J, u, 2);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('cycle');
  await expect(alert).toContainText(`"${J}"`);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  await shot(page, testInfo, '03-cycle-refused');
  await alert.getByRole('button', { name: 'Dismiss' }).click();

  // Delete, undo, redo.
  await select(page, u);
  await page.keyboard.press('Delete');
  await expect(nodeById(page, u)).toHaveCount(0);
  await expect(jCard.getByTestId('node-badge')).toBeVisible();
  await page.keyboard.press(`${mod}+z`);
  await expect(nodeById(page, u)).toHaveCount(1);
  await expect(cardValue(jCard)).toHaveText('33');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(nodeById(page, u)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cardValue(jCard)).toHaveText('33');

  // A drag is one undo step: the node goes back to where it was.
  const uNode = nodeById(page, u);
  const start = (await uNode.boundingBox())!;
  const sx = start.x + 60;
  const sy = start.y + 12;
  await page.mouse.move(sx, sy);
  await page.mouse.down();
  await page.mouse.move(sx + 5, sy + 5);
  await page.mouse.move(sx + 125, sy + 85, { steps: 12 });
  await page.mouse.up();
  await expect.poll(async () => (await uNode.boundingBox())!.x - start.x).toBeGreaterThan(60);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => Math.round((await uNode.boundingBox())!.x)).toBe(Math.round(start.x));
  await expect(cardValue(jCard)).toHaveText('33');

  // Reload: the graph is still there.
  await page.reload();
  await expect(cardValue(nodeByLabel(page, 'J'))).toHaveText('33');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);

  // Save, start over, open the saved file: the same graph.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save' }).click();
  const saved = testInfo.outputPath('saved.json');
  await (await download).saveAs(saved);
  const savedText = readFileSync(saved, 'utf8');
  expect(JSON.parse(savedText).nodes).toHaveLength(7);
  await page.getByRole('button', { name: 'New' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open' }).click();
  await (await chooser).setFiles(saved);
  await expect(cardValue(nodeByLabel(page, 'J'))).toHaveText('33');
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save' }).click();
  const resaved = testInfo.outputPath('resaved.json');
  await (await again).saveAs(resaved);
  expect(readFileSync(resaved, 'utf8')).toBe(savedText);

  // A malformed file: the engine's messages, the graph untouched.
  const bad = testInfo.outputPath('bad.json');
  writeFileSync(bad, JSON.stringify({ format: 'graphgrad', version: 1, nodes: [{ id: 'x', op: 'nope' }], edges: [] }));
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open' }).click();
  await (await chooser).setFiles(bad);
  await expect(page.getByRole('alert')).toContainText('unknown op "nope"');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(cardValue(nodeByLabel(page, 'J'))).toHaveText('33');
  await shot(page, testInfo, '04-bad-file');
});

test('a paired loss grows a free pair of handles as its pairs are wired', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New' }).click();
  const inputs: string[] = [];
  for (const [i, value] of ['0.5', '2', '1', '4'].entries()) {
    inputs.push(await dropOp(page, 'input', 80, 40 + i * 120));
    await setField(page, 'Value', value);
  }
  const [p1, p2, t1, t2] = inputs;
  const L = await dropOp(page, 'mse', 420, 200);
  const handles = nodeById(page, L).locator('.react-flow__handle-left');
  await expect(handles).toHaveCount(2);
  await connect(page, p1, L, 'p1');
  await connect(page, t1, L, 't1');
  await expect(cardValue(nodeById(page, L))).toHaveText('0.25');
  await expect.poll(() => misdrawnEdges(page)).toEqual([]);
  // Both wired: a free pair p2, t2 appears; the target moves down a row to make room.
  await expect(handles).toHaveCount(4);
  await expect(nodeById(page, L).locator('.op-node__port-name')).toHaveText(['p1', 'p2', 't1', 't2']);
  await connect(page, t2, L, 't2');
  await expect(nodeById(page, L).getByTestId('node-badge')).toHaveText('needs input');
  // Every wire still ends on its own port's handle after the rows were renamed.
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect.poll(() => misdrawnEdges(page)).toEqual([]);
  await connect(page, p2, L, 'p2');
  // ((0.5 − 1)² + (2 − 4)²) / 2
  await expect(cardValue(nodeById(page, L))).toHaveText('2.125');
  await expect(handles).toHaveCount(6);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect.poll(() => misdrawnEdges(page)).toEqual([]);
  await shot(page, testInfo, '13-mse-pairs');
  await page.keyboard.press(`${mod}+z`);
  await expect(nodeById(page, L).getByTestId('node-badge')).toHaveText('needs input');
});

test('a dense layer macro expands in place and collapses back', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New' }).click();
  const x1 = await dropOp(page, 'input', 80, 120);
  const x2 = await dropOp(page, 'input', 80, 300);
  const dense = await dropOp(page, 'dense', 330, 180);
  await setField(page, 'Units', '2');
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Activation').selectOption('tanh');
  await connect(page, x1, dense, 0);
  await connect(page, x2, dense, 1);
  const outputs = nodeById(page, dense).getByTestId('node-output-value');
  await expect(outputs).toHaveCount(2);
  const collapsedValues = await outputs.allTextContents();
  expect(collapsedValues.every((v) => v !== 'NaN')).toBe(true);
  await shot(page, testInfo, '10-dense-collapsed');

  await select(page, dense);
  // The inspector names the op once: "Dense", not "Dense dense".
  await expect(page.locator('.node-inspector h2')).toHaveText('Dense');
  await page.getByRole('button', { name: 'Expand' }).click();
  await expect(nodeById(page, dense)).toHaveCount(0);
  await expect(nodeById(page, `${dense}/z0`)).toBeVisible();
  await expect(nodeById(page, `${dense}/a1`)).toBeVisible();
  // Values are the same in both views.
  await expect(cardValue(nodeById(page, `${dense}/a0`))).toHaveText(collapsedValues[0]);
  await expect(cardValue(nodeById(page, `${dense}/a1`))).toHaveText(collapsedValues[1]);
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo Auto-layout/);
  // Fit View (the zoom controls' button) keeps the layer's frame and cards clear of the minimap.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect.poll(() => cardsUnderMinimap(page)).toEqual([]);
  await shot(page, testInfo, '11-dense-expanded');

  await page.getByRole('button', { name: `Collapse ${dense}` }).click();
  await expect(nodeById(page, dense)).toBeVisible();
  await expect(nodeById(page, `${dense}/z0`)).toHaveCount(0);
  await expect(nodeById(page, dense).getByTestId('node-output-value')).toHaveText(collapsedValues);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await shot(page, testInfo, '12-dense-collapsed-again');

  // The settings follow undo; a width the layer cannot take is explained and changes nothing.
  await select(page, dense);
  const units = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Units', { exact: true });
  await units.fill('3');
  await expect(nodeById(page, dense).getByTestId('node-output-value')).toHaveCount(3);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(units).toHaveValue('2');
  await expect(nodeById(page, dense).getByTestId('node-output-value')).toHaveCount(2);
  const status = page.getByRole('complementary', { name: 'Inspector' }).getByRole('status');
  for (const [bad, got] of [
    ['0', '0'],
    ['0x10', '"0x10"'],
  ]) {
    await units.fill(bad);
    // The engine's own message, naming the layer and the attr, as a file with this value gets.
    await expect(status).toHaveText(`Node "${dense}" (dense): attr "units" must be a whole number of at least 1 (got ${got}). The layer stays 2.`);
  }
  await expect(nodeById(page, dense).getByTestId('node-output-value')).toHaveCount(2);
  // The inspector takes what the engine takes (the CLI trains 128-wide layers) and refuses what
  // the model limits refuse: 5,000 tanh units on 2 inputs are 7 nodes and 8 edges each.
  await units.fill('128');
  await expect(status).toHaveCount(0);
  await expect(nodeById(page, dense).getByTestId('node-output-value')).toHaveCount(128);
  await units.fill('5000');
  await expect(status).toHaveText(
    `Node "${dense}" (dense): this layer (5,000 units on 2 inputs) would expand into 35,000 nodes and 40,000 edges (15,000 parameters); GraphGrad builds models of up to 20,000 nodes and 100,000 edges. Use fewer or narrower layers. The layer stays 128.`,
  );
  await expect(nodeById(page, dense).getByTestId('node-output-value')).toHaveCount(128);
  await shot(page, testInfo, '13-dense-settings-refused');
});

test('quick-add, copy/paste, deep links, mode switch, dark theme', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?sample=neuron');
  await expect(nodeById(page, 'L')).toBeVisible();
  const before = await page.locator('.react-flow__node').count();

  // Double-click on empty canvas opens quick-add; typing filters; Enter adds.
  const spot = await emptyCanvasPoint(page);
  await page.mouse.dblclick(spot.x, spot.y);
  const search = page.getByRole('combobox', { name: 'Quick add search' });
  await expect(search).toBeFocused();
  await search.fill('tanh');
  await search.press('Enter');
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 1);
  const added = (await page.locator('.react-flow__node.selected').getAttribute('data-id'))!;
  expect(added).toMatch(/^tanh/);

  // Copy and paste with the keyboard; Escape clears the selection.
  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+v`);
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 2);
  await page.keyboard.press(`${mod}+d`);
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 3);
  // Each copy lands clear of every card, and on screen (the view pans to it).
  await expect.poll(() => overlappingCards(page)).toEqual([]);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await expect.poll(() => sidesOutside(page.locator('.react-flow__node.selected'), pane)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);

  // Opened in the canvas's bottom-right corner, the box stays inside the canvas, and the page
  // does not scroll; long symbols and names keep to their columns.
  await page.mouse.dblclick(pane.x + pane.width - 230, pane.y + pane.height - 12);
  await search.fill('soft');
  await expect.poll(() => sidesOutside(page.getByRole('dialog', { name: 'Quick add' }), pane)).toEqual([]);
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop + document.querySelector('.app')!.scrollTop)).toBe(0);
  const clipped = await page
    .getByRole('option')
    .evaluateAll((rows) =>
      rows.flatMap((row) =>
        [...row.children]
          .filter((c) => (c as HTMLElement).scrollWidth > (c as HTMLElement).clientWidth + 1 && !c.classList.contains('quick-add__desc'))
          .map((c) => c.textContent),
      ),
    );
  expect(clipped).toEqual([]);
  await shot(page, testInfo, '20-quick-add-corner');
  await search.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Quick add' })).toHaveCount(0);
  await shot(page, testInfo, '20-dark-neuron');

  // The mode switch exists with its names; Teach and Train open their panels.
  await page.getByRole('button', { name: 'Teach' }).click();
  await expect(page.getByRole('complementary', { name: 'Teach panel' })).toBeVisible();
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('complementary', { name: 'Train panel' })).toBeVisible();
  await page.getByRole('button', { name: 'Build' }).click();
  await expect(page.getByRole('complementary', { name: 'Palette' })).toBeVisible();

  // The Samples menu works from the keyboard: Enter opens it on its first item, arrows move,
  // Escape returns to the button.
  const samplesButton = page.getByRole('button', { name: /Samples/ });
  await samplesButton.focus();
  await page.keyboard.press('Enter');
  const items = page.getByRole('menu', { name: 'Samples' }).getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'Samples' })).toHaveCount(0);
  await expect(samplesButton).toBeFocused();
  // The Samples menu opens the same files as deep links.
  await samplesButton.click();
  await page.getByRole('menuitem', { name: 'Chain rule' }).click();
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await select(page, 'J');
  await expect(page.getByRole('math', { name: 'J with numbers' })).toBeVisible();
  await shot(page, testInfo, '21-dark-chain-rule-inspector');
});

test('an autosaved graph that fails validation is kept aside and reported, and a sample opens', async ({ page }, testInfo) => {
  const bad = JSON.stringify({ format: 'graphgrad', version: 1, nodes: [{ id: 'x', op: 'bogus' }], edges: [] });
  // Seeded once, before the app's first load (a reload would otherwise autosave over it).
  await page.addInitScript((text) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('graphgrad.autosave', text);
  }, bad);
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('did not pass validation, so it was kept aside under "graphgrad.autosave.rejected.');
  await expect(alert).toContainText('Node "x": unknown op "bogus"');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('graphgrad.autosave.rejected.'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual([bad]);
  await shot(page, testInfo, '05-autosave-kept-aside');
  // The notice hands the kept-aside graph back as a file, exactly as it was stored.
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download the kept-aside graph' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe(bad);
  // The sample that opened instead is autosaved; the kept-aside graph stays where it was.
  await page.reload();
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('graphgrad.autosave.rejected.')).length)).toBe(1);
});

test('every sample opens fitted with no card over another or under the minimap', async ({ page }) => {
  const names = readdirSync('samples')
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
  expect(names.length).toBeGreaterThanOrEqual(10);
  for (const name of names) {
    const model = JSON.parse(readFileSync(`samples/${name}.json`, 'utf8'));
    await page.goto(`/?sample=${name}`);
    // This sample, not the one restored from the last visit, is on the canvas, and fitted.
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(model.name);
    await expect(page.locator('.react-flow__node-op')).toHaveCount(model.nodes.length);
    await expect.poll(() => overlappingCards(page), { message: name }).toEqual([]);
    await expect.poll(() => cardsUnderMinimap(page), { message: `${name}: cards under the minimap` }).toEqual([]);
  }
});

test('a value that is not a number is explained, and the graph keeps the last good value', async ({ page }) => {
  await page.goto('/?sample=chain-rule');
  await select(page, 'a');
  await setField(page, 'Value', 'abc');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('status')).toHaveText('"abc" is not a number; the value stays 5.');
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('33');
  await setField(page, 'Value', '1e400');
  await expect(inspector.getByRole('status')).toHaveText('1e400 is too large; the value stays 5.');
  // Only plain decimals: JavaScript would read "0x10" as 16.
  await setField(page, 'Value', '0x10');
  await expect(inspector.getByRole('status')).toHaveText('"0x10" is not a number; the value stays 5.');
  await setField(page, 'Value', '6');
  await expect(inspector.getByRole('status')).toHaveCount(0);
  await expect(cardValue(nodeById(page, 'J'))).toHaveText('36');
});

/** Edges (by id, `source->target:port`) whose drawn end is not on their target port's handle. */
const misdrawnEdges = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>('.react-flow__edge')].flatMap((g) => {
      const id = g.dataset.id ?? g.getAttribute('data-id') ?? '';
      const m = /^(.+)->(.+):(\d+)$/.exec(id);
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
      const handle = m && document.querySelector(`.react-flow__node[data-id="${m[2]}"] .react-flow__handle[data-handleid="in-${m[3]}"]`);
      if (!m || !path || !handle) return [`${id}: no path or handle`];
      const end = path.getPointAtLength(path.getTotalLength()).matrixTransform(path.getScreenCTM()!);
      const h = handle.getBoundingClientRect();
      return Math.abs(end.y - (h.top + h.height / 2)) < 4 && Math.abs(end.x - (h.left + h.width / 2)) < 12
        ? []
        : [`${id} ends at ${Math.round(end.x)},${Math.round(end.y)}`];
    }),
  );

/** The sides on which `el` sticks out of `box` (empty when it lies wholly inside). */
const sidesOutside = async (el: Locator, box: { x: number; y: number; width: number; height: number }) => {
  const r = (await el.boundingBox())!;
  return [r.x < box.x && 'left', r.y < box.y && 'top', r.x + r.width > box.x + box.width && 'right', r.y + r.height > box.y + box.height && 'bottom'].filter(
    Boolean,
  );
};

/** Ids of the cards the minimap covers. */
const cardsUnderMinimap = async (page: Page) => {
  const m = (await page.locator('.react-flow__minimap').boundingBox())!;
  return page.locator('.react-flow__node').evaluateAll(
    (cards, m) =>
      cards
        .filter((c) => {
          const r = c.getBoundingClientRect();
          return r.left < m.x + m.width && m.x < r.right && r.top < m.y + m.height && m.y < r.bottom;
        })
        .map((c) => (c as HTMLElement).dataset.id),
    m,
  );
};

/** Pairs of node cards whose boxes overlap on screen. */
const overlappingCards = (page: Page) =>
  page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-op')].map((n) => ({ id: n.dataset.id!, r: n.getBoundingClientRect() }));
    const pairs: string[] = [];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) pairs.push(`${a.id}/${b.id}`);
    return pairs;
  });

/** Pixels the edge canvas has drawn on (any alpha), or -1 when there is no edge canvas. */
const edgeCanvasInk = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.edge-canvas');
    if (!canvas) return -1;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return ink;
  });

const viewZoom = (page: Page) =>
  page.evaluate(() => Number(/scale\(([^)]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)![1]));

/** Heights of the mounted cards, by node id. */
const cardHeights = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => [n.dataset.id!, n.querySelector<HTMLElement>('.op-node')!.offsetHeight]),
    ),
  );

test('a large graph: blocks and canvas edges zoomed out, only the cards on screen mounted zoomed in', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('grid.json');
  test.setTimeout(90_000); // html-to-image takes several seconds to copy 300 cards into a picture
  const grid = gridModel(18, 17);
  writeFileSync(file, serializeModel(grid));
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open' }).click();
  await (await chooser).setFiles(file);
  const cards = page.locator('.react-flow__node');
  const canvas = page.locator('.canvas');
  const edgeCount = page.getByRole('complementary', { name: 'Inspector' }).locator('dt:text-is("Edges") + dd');
  // Fitted, all 307 cards are in view: all mounted, drawn as blocks with the op symbol, most of
  // them bare (no text or handles in the DOM), and the edges drawn on one canvas.
  await expect(cards).toHaveCount(grid.nodes.length);
  await expect(canvas).toHaveClass(/is-overview/);
  expect(await page.locator('.op-node--bare').count()).toBeGreaterThan(grid.nodes.length / 2);
  const card = nodeById(page, 'n5_5');
  await expect(card.getByTestId('node-label')).toBeHidden();
  expect(await card.locator('.op-node').evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"x̄"');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect.poll(() => edgeCanvasInk(page)).toBeGreaterThan(5000);
  const overviewHeights = await cardHeights(page);
  await shot(page, testInfo, '20-large-overview');

  // Zoomed in until the cards are readable: full cards, as tall as their blocks were, React
  // Flow's edges back, and off-screen cards unmounted.
  for (let i = 0; i < 12 && /is-far/.test((await canvas.getAttribute('class')) ?? ''); i++) {
    const before = await viewZoom(page);
    await page.locator('.react-flow__controls-zoomin').click();
    await expect.poll(() => viewZoom(page)).toBeGreaterThan(before);
  }
  await expect(canvas).not.toHaveClass(/is-far/);
  await expect(page.locator('.op-node--bare')).toHaveCount(0);
  // Culling follows the zoom in React Flow's next render.
  await expect.poll(() => cards.count()).toBeLessThan(grid.nodes.length / 2);
  const mounted = await cards.count();
  expect(mounted).toBeGreaterThan(0);
  const nearHeights = await cardHeights(page);
  for (const [id, height] of Object.entries(nearHeights)) expect(height, `card ${id}`).toBe(overviewHeights[id]);
  await expect(page.getByTestId('edge-canvas')).toHaveCount(0);
  expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(mounted);
  // Every mounted card is at least partly on screen.
  const offScreen = () =>
    page.evaluate(() => {
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      return [...document.querySelectorAll('.react-flow__node')].filter((n) => {
        const r = n.getBoundingClientRect();
        return r.right < pane.left || r.left > pane.right || r.bottom < pane.top || r.top > pane.bottom;
      }).length;
    });
  await expect.poll(offScreen).toBe(0);
  const onScreen = cards.first();
  await expect(onScreen.getByTestId('node-label')).toBeVisible();
  await expect(cardValue(onScreen)).toBeVisible();
  await shot(page, testInfo, '21-large-zoomed-in');

  // One step out, edges are on the canvas again, and a click on one selects it: Delete removes
  // it and undo brings it back.
  await page.locator('.react-flow__controls-zoomout').click();
  await expect(canvas).toHaveClass(/is-far/);
  await expect(canvas).not.toHaveClass(/is-overview/);
  await expect.poll(() => edgeCanvasInk(page)).toBeGreaterThan(1000);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  const zoom = await viewZoom(page);
  // n5_5 feeds n6_5's first port along a straight line from handle to handle (cardMetrics.ts).
  const from = (await nodeById(page, 'n5_5').boundingBox())!;
  const to = (await nodeById(page, 'n6_5').boundingBox())!;
  const y = from.y + (30 + 9.5 + 4 + 3) * zoom;
  await page.mouse.click((from.x + from.width + to.x) / 2, y);
  await expect(edgeCount).toHaveText(String(grid.edges.length));
  await page.keyboard.press('Delete');
  await expect(edgeCount).toHaveText(String(grid.edges.length - 1));
  await page.keyboard.press(`${mod}+z`);
  await expect(edgeCount).toHaveText(String(grid.edges.length));
  await shot(page, testInfo, '22-large-far');

  // A picture of the whole graph has every card and wire in it, not just the mounted ones.
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'SVG image (whole graph)' }).click();
  const svg = readFileSync(await (await download).path(), 'utf8');
  expect(svg.match(/class="[^"]*react-flow__node-op/g)).toHaveLength(grid.nodes.length);
  expect(svg.match(/<path[^>]*react-flow__edge-path[^>]*>/g)).toHaveLength(grid.edges.length);
  expect(svg).not.toContain('op-node--bare');

  // Select all still reaches cards that are not mounted, and fitting the view mounts them again.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${mod}+a`);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText(`${grid.nodes.length} nodes selected`);
  await page.locator('.react-flow__controls-fitview').click();
  await expect(cards).toHaveCount(grid.nodes.length);
  await expect(canvas).toHaveClass(/is-overview/);
  await expect.poll(() => edgeCanvasInk(page)).toBeGreaterThan(5000);
});
