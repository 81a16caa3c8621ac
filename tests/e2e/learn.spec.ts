/**
 * Learn mode: the J = 3(a + bc) lesson (samples/lessons/computational-graph.json) opened by link,
 * checked with a wrong answer and then a right one; a lesson over the user's own graph; lesson
 * files. The numbers are the lecture's: u = bc = 6, v = 11, J = 33, ∂J/∂c = 3b.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { nodeById, select, setField, shot } from './helpers.ts';

const learn = (page: Page) => page.getByRole('complementary', { name: 'Learn panel' });
const checks = (page: Page) => learn(page).getByTestId('learn-check');
/** Opens `url` and waits for the lesson's step (the first load also fetches the lesson, its sample and KaTeX). */
async function openStep(page: Page, url: string, step: string) {
  await page.goto(url);
  await expect(learn(page).getByTestId('learn-step-of')).toHaveText(step, { timeout: 20_000 });
}
/** Sets a node's value in the inspector (on a narrow screen it is a drawer: opened first). */
async function setValue(page: Page, id: string, value: string) {
  await select(page, id);
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Value', { exact: true });
  if (!(await field.isVisible())) await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  await setField(page, 'Value', value);
}
const stored = (page: Page) => page.evaluate(() => localStorage.getItem('graphgrad.autosave') ?? '');

test('a lesson step by link: a wrong answer is explained, the fixed one passes, progress is kept', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openStep(page, '/?lesson=computational-graph&step=1', 'Step 1 of 5');
  await expect(learn(page).getByRole('heading', { name: 'A computational graph: J = 3(a + bc)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Learn', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // The link has done its job: a reload brings back the user's graph, not the lesson.
  await expect(page).toHaveURL(/\/$/);
  // The step's graph is on the canvas, its named nodes ringed.
  await expect(nodeById(page, 'J')).toBeVisible();
  await expect(nodeById(page, 'u')).toHaveCSS('outline-style', 'solid');

  await learn(page)
    .getByLabel(/^Answer 1:/)
    .fill('5');
  await learn(page)
    .getByLabel(/^Answer 2:/)
    .fill('11');
  await learn(page)
    .getByLabel(/^Answer 3:/)
    .fill('33');
  await learn(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checks(page).nth(0).getByTestId('learn-verdict')).toContainText('5 is not u: it is too low (answers within ±0.01 count).');
  await expect(checks(page).nth(1).getByTestId('learn-verdict')).toContainText('Right: v = 11.');
  await expect(learn(page).getByTestId('learn-summary')).toHaveText('2 of 3 checks pass.');
  await learn(page).getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
  await expect(learn(page).getByTestId('learn-hint')).toHaveText('Hint 1. u multiplies b and c: 3 · 2.');
  await shot(page, testInfo, 'learn-1366x768-failed-check');

  await learn(page)
    .getByLabel(/^Answer 1:/)
    .fill('6');
  await learn(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(learn(page).getByTestId('learn-summary')).toHaveText('All 3 checks pass: step done!');
  await expect(learn(page).getByRole('button', { name: 'Step 1: The graph, forward (done)' })).toBeVisible();

  // Progress is kept in this browser: the list says where to go on.
  await learn(page).getByRole('button', { name: 'Next ›' }).click();
  await expect(learn(page).getByTestId('learn-step-of')).toHaveText('Step 2 of 5');
  // A Teach step: the canvas is in Teach, with Teach's panel beside the lesson.
  await expect(page.getByRole('complementary', { name: 'Teach panel' })).toBeVisible();
  await learn(page).getByRole('button', { name: '‹ Lessons' }).click();
  await expect(learn(page).getByRole('button', { name: /A computational graph: J = 3\(a \+ bc\)/ })).toContainText('1 step done · continue at step 2');
});

test('a build step: change one input so ∂J/∂c = 12, with the check saying what is off', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openStep(page, '/?lesson=computational-graph&step=5', 'Step 5 of 5');
  // A task about numbers, not shape: no palette, the canvas has the room.
  await expect(page.locator('.palette')).toHaveCount(0);
  await learn(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checks(page).nth(0).getByTestId('learn-verdict')).toContainText(/∂J\/∂c is 9, the task wants 12/);
  // The node a failed check is about is ringed in red.
  await expect(nodeById(page, 'c')).toHaveCSS('outline-style', 'dashed');
  await shot(page, testInfo, 'learn-1024x700-build-step');

  // Changing c is the wrong fix (∂J/∂c = 3b does not depend on c): the checks say so.
  await setValue(page, 'c', '4');
  await learn(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checks(page).nth(0).getByTestId('learn-verdict')).toContainText(/∂J\/∂c is 9/);
  await expect(checks(page).nth(1).getByTestId('learn-verdict')).toContainText('c is 4: put it back to 2 and change another input.');
  await setField(page, 'Value', '2');
  await setValue(page, 'b', '4');
  await learn(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(learn(page).getByTestId('learn-summary')).toHaveText('All 3 checks pass: step done!');
});

test('a lesson opened over the user’s graph leaves it recoverable: Undo, and the autosave after a reload', async ({ page }) => {
  // The user's own graph, edited so it is theirs, autosaved.
  await page.goto('/?sample=neuron');
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true }).fill('My own neuron');
  await expect.poll(() => stored(page)).toContain('My own neuron');

  // By link: one undo step over the user's graph, the stored copy untouched.
  await openStep(page, '/?lesson=computational-graph&step=2', 'Step 2 of 5');
  await expect(page.getByRole('status').filter({ hasText: 'Opened the lesson. Undo brings back the graph you had.' })).toBeVisible();
  await expect(page.locator('.toolbar__title')).toHaveText('J = 3(a + bc)');
  expect(await stored(page)).toContain('My own neuron');
  await page.reload();
  await expect(page.locator('.toolbar__title')).toHaveText('My own neuron');

  // From the Learn list, in the app: the same.
  await page.getByRole('button', { name: 'Learn', exact: true }).click();
  await learn(page)
    .getByRole('button', { name: /A computational graph/ })
    .click();
  await expect(page.locator('.toolbar__title')).toHaveText('J = 3(a + bc)');
  await learn(page).getByRole('button', { name: 'Next ›' }).click();
  await expect(learn(page).getByTestId('learn-step-of')).toHaveText('Step 3 of 5');
  expect(await stored(page)).toContain('My own neuron');
  await page.reload();
  await expect(page.locator('.toolbar__title')).toHaveText('My own neuron');

  await openStep(page, '/?lesson=computational-graph', 'Step 1 of 5');
  await expect(page.locator('.toolbar__title')).toHaveText('J = 3(a + bc)');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.toolbar__title')).toHaveText('My own neuron');
});

test('a lesson file opens from Open; a broken one says which step and field', async ({ page }) => {
  await page.goto('/?sample=chain-rule');
  const lesson = {
    format: 'graphgrad-lesson',
    version: 1,
    title: 'My <b>own</b> lesson',
    summary: 'A test.',
    steps: [{ title: 'One', text: 'Type **J**: $J = 3v$. <img src=x onerror=alert(1)>', mode: 'build', model: { sample: 'chain-rule' } }],
  };
  const input = page.getByLabel('Open model file');
  await input.setInputFiles({ name: 'my-lesson.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lesson)) });
  await expect(learn(page).getByRole('heading', { name: 'My <b>own</b> lesson' })).toBeVisible();
  // Text from the file is text: the tag shows as typed, and no image was made from it.
  await expect(learn(page).getByRole('region', { name: 'Step' })).toContainText('<img src=x onerror=alert(1)>');
  await expect(learn(page).locator('img')).toHaveCount(0);
  await expect(learn(page).getByRole('region', { name: 'Step' }).locator('strong')).toHaveText('J');

  // Its link carries the whole lesson (#lesson=...), as share links carry models.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await learn(page).getByRole('button', { name: 'Copy link to this step' }).click();
  await expect(learn(page).getByRole('status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\?step=1#lesson=/);
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(learn(other).getByRole('heading', { name: 'My <b>own</b> lesson' })).toBeVisible({ timeout: 20_000 });
  await other.close();

  const broken = { ...lesson, steps: [{ ...lesson.steps[0], mode: 'fly' }] };
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const alert = page.getByRole('alert').filter({ hasText: 'Could not open the lesson broken.json; the current graph is unchanged.' });
  await expect(alert).toContainText('steps[0].mode');
});

test('Learn mode in Presentation at 1366×768', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openStep(page, '/?lesson=computational-graph&step=3', 'Step 3 of 5');
  await page.getByRole('complementary', { name: 'Teach panel' }).getByRole('button', { name: 'Presentation' }).click();
  await expect(page.locator('html')).toHaveClass(/teach-presentation/);
  await expect(learn(page).getByRole('button', { name: 'Check', exact: true })).toBeVisible();
  // Nothing of the lesson panel spills sideways.
  const overflow = await learn(page).evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, testInfo, 'learn-presentation-1366x768');
});

test('a step points at the controls it names: Quiz me in a Teach step, the optimiser settings in a Train step', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openStep(page, '/?lesson=backprop-network&step=1', 'Step 1 of 4');
  const teach = page.getByRole('complementary', { name: 'Teach panel' });
  const quizMe = teach.getByRole('button', { name: 'Quiz me' });
  await expect(quizMe).toHaveCSS('outline-style', 'solid');
  // Quiz me works inside a lesson: the first computed node is asked for before it is shown.
  await quizMe.click();
  // Leaves (x, the weights) are given; the first computed node is asked for.
  const ask = teach.getByRole('region', { name: 'Quiz' }).getByRole('button', { name: 'Check answer' });
  for (let i = 0; i < 6 && !(await ask.isVisible()); i++) await teach.getByRole('button', { name: 'Step forward', exact: true }).click();
  await expect(ask).toBeVisible();
  await shot(page, testInfo, 'learn-quiz-in-lesson-1366x768');

  await openStep(page, '/?lesson=training&step=3', 'Step 3 of 3');
  const train = page.getByRole('complementary', { name: /Train/ }).last();
  await expect(train.locator('label.train-field').filter({ hasText: /^Batch size/ })).toHaveCSS('outline-style', 'solid', { timeout: 20_000 });
  await expect(train.locator('label.train-field').filter({ hasText: /^Optimizer/ })).toHaveCSS('outline-style', 'solid');
  await shot(page, testInfo, 'learn-train-step-1366x768');
});

test('Save as lesson step downloads a one-step lesson whose checks hold the graph’s numbers', async ({ page }) => {
  await page.goto('/?sample=chain-rule');
  await expect(page.locator('.toolbar__title')).toHaveText('J = 3(a + bc)');
  await page.getByRole('button', { name: 'Learn', exact: true }).click();
  await learn(page).getByText('For teachers: save this graph as a lesson step').click();
  const [download] = await Promise.all([page.waitForEvent('download'), learn(page).getByRole('button', { name: 'Save as lesson step' }).click()]);
  const lesson = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  expect(lesson).toMatchObject({ format: 'graphgrad-lesson', version: 1, steps: [{ mode: 'build' }] });
  // The lecture's numbers as targets: J = 33, ∂J/∂a = 3, ∂J/∂b = 6, ∂J/∂c = 9.
  const targets = Object.fromEntries(lesson.steps[0].task.checks.map((c: { kind: string; node: string; target: number }) => [`${c.kind} ${c.node}`, c.target]));
  expect(targets).toEqual({ 'value J': 33, 'gradient a': 3, 'gradient b': 6, 'gradient c': 9 });
});

test('a lesson file dropped on the canvas opens in Learn', async ({ page }) => {
  await page.goto('/?sample=neuron');
  await expect(page.locator('.toolbar__title')).toHaveText('Will I pass the exam? One sigmoid neuron');
  const text = readFileSync(new URL('../../samples/lessons/multi-path-chain-rule.json', import.meta.url), 'utf8');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'multi-path.json', { type: 'application/json' }));
    return d;
  }, text);
  await page.locator('.canvas').dispatchEvent('drop', { dataTransfer: dt });
  await expect(learn(page).getByRole('heading', { name: JSON.parse(text).title })).toBeVisible({ timeout: 20_000 });
  await expect(learn(page).getByTestId('learn-step-of')).toHaveText(`Step 1 of ${JSON.parse(text).steps.length}`);
  // One undo step back to the graph the user had.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.toolbar__title')).toHaveText('Will I pass the exam? One sigmoid neuron');
});
