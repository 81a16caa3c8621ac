import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../src/store/editorStore.ts';
import { createTeachStore, progress, updateLabel } from '../src/modes/teach/teachStore.ts';
import { buildTeachView } from '../src/modes/teach/teachView.ts';
import { collapsedBackwardTex, teachingUnits } from '../src/modes/teach/units.ts';
import { buildGraph, type BackwardStep, type ForwardStep } from '../graph-engine/index.ts';
import { loadSample } from './support/load-sample.ts';

function setup(name: string) {
  const editor = createEditorStore({ initialModel: loadSample(name) });
  const teach = createTeachStore(editor);
  return { editor, teach, t: () => teach.getState() };
}

describe('teach store: stepping', () => {
  it('steps forward node by node to J = 33, then backward to dJ/db = 6 and dJ/dc = 9', () => {
    const { teach, t } = setup('chain-rule');
    expect(progress(t())).toMatchObject({ forwardDone: 0, backwardDone: 0, total: 7, canForward: true, canUpdate: false, canStepBack: false });
    const ids: string[] = [];
    while (t().stepForward()) ids.push(t().last!.unit);
    expect(ids).toHaveLength(7);
    expect(ids.at(-1)).toBe('J');
    const j = t().last!.steps[0] as ForwardStep;
    expect(j.value).toBe(33);
    expect(j.latex).toContain('= 33');
    const seen: Record<string, number> = {};
    while (t().stepBackward()) {
      const s = t().last!.steps[0] as BackwardStep;
      seen[s.id] = s.grad;
    }
    expect(seen).toMatchObject({ J: 1, v: 3, u: 3, a: 3, b: 6, c: 9 });
    // chain-rule has no param nodes: nothing for "Apply update" to change
    expect(progress(t())).toMatchObject({ backwardDone: 7, canUpdate: false, hasParams: false });
    expect(progress(setup('neuron').t())).toMatchObject({ hasParams: true });
    // c -> u: local derivative b = 3, contribution 9
    const c = t().stepper!;
    const back = teach.getState();
    expect(back.version).toBeGreaterThan(0);
    const u = c.graph.indexOf.get('c')!;
    const rec = c.describeBackward(u).edges[0];
    expect(rec.local).toBe(3);
    expect(rec.contribution).toBe(9);
  });

  it('the right arrow steps forward, then backward; the left arrow undoes exactly one step', () => {
    const { t } = setup('chain-rule');
    for (let i = 0; i < 9; i++) t().step();
    expect(progress(t())).toMatchObject({ forwardDone: 7, backwardDone: 2 });
    expect(t().last).toMatchObject({ kind: 'backward', unit: 'v' });
    t().stepBack();
    expect(progress(t())).toMatchObject({ forwardDone: 7, backwardDone: 1 });
    expect(t().last).toMatchObject({ kind: 'backward', unit: 'J' });
    t().stepBack();
    expect(t().last).toMatchObject({ kind: 'forward', unit: 'J' });
    t().reset();
    expect(progress(t())).toMatchObject({ forwardDone: 0, backwardDone: 0 });
    expect(t().stepBack()).toBe(false);
  });

  it('calls out the multi-path sum on sum-over-paths: de/db = 2 + 3 = 5', () => {
    const { t } = setup('sum-over-paths');
    t().runForward();
    let b: BackwardStep | undefined;
    while (t().stepBackward()) if (t().last!.unit === 'b') b = t().last!.steps[0] as BackwardStep;
    expect(b!.multiPath).toBe(true);
    expect(b!.grad).toBe(5);
    expect(b!.edges.map((r) => r.contribution)).toEqual([2, 3]);
    expect(b!.latex).toContain('2 + 3 = 5');
  });

  it('starts over when the model changes', () => {
    const { editor, t } = setup('chain-rule');
    t().runBackward();
    expect(progress(t()).backwardDone).toBe(7);
    editor.getState().updateNode('a', { value: 6 });
    expect(progress(t())).toMatchObject({ forwardDone: 0, backwardDone: 0 });
    // moving a node is not a semantic change: stepping is kept
    t().runForward();
    editor.getState().moveNodes([{ id: 'a', position: { x: 10, y: 10 } }]);
    expect(progress(t()).forwardDone).toBe(7);
  });
});

describe('teach store: apply update', () => {
  it('applies w <- w - lr dL/dw to every param as one undo step, reruns forward, and the left arrow restores', () => {
    const { editor, t } = setup('neuron');
    t().runBackward();
    const before = editor.getState().model;
    const grads = Object.fromEntries(['w1', 'w2', 'b'].map((id) => [id, t().stepper!.session.grad(t().stepper!.graph.indexOf.get(id)!)]));
    const oldLoss = t().stepper!.session.value(t().stepper!.graph.loss);
    t().setLr(0.1);
    expect(t().applyUpdate()).toBe(true);
    const u = t().update!;
    expect(u.updates.map((x) => x.id).sort()).toEqual(['b', 'w1', 'w2']);
    for (const x of u.updates) {
      expect(x.old).toBe(before.nodes.find((n) => n.id === x.id)!.value);
      expect(x.grad).toBeCloseTo(grads[x.id], 12);
      expect(x.new).toBeCloseTo(x.old - 0.1 * grads[x.id], 12);
      expect(editor.getState().model.nodes.find((n) => n.id === x.id)!.value).toBeCloseTo(x.new, 12);
    }
    expect(u.oldLoss).toBe(oldLoss);
    expect(u.newLoss).toBeLessThan(oldLoss);
    expect(editor.getState().history.past.at(-1)!.label).toBe(updateLabel());
    expect(progress(t())).toMatchObject({ forwardDone: 11, backwardDone: 0 });
    expect(t().stepper!.session.value(t().stepper!.graph.loss)).toBe(u.newLoss);
    expect(t().atUpdate).toBe(true);

    // Left arrow: the update is undone, and forward + backward are done again on the old params.
    expect(t().stepBack()).toBe(true);
    expect(editor.getState().model.nodes).toEqual(before.nodes);
    expect(t().update).toBeUndefined();
    expect(progress(t())).toMatchObject({ forwardDone: 11, backwardDone: 11 });
    expect(t().stepper!.session.value(t().stepper!.graph.loss)).toBe(oldLoss);
  });

  it('updates the weights inside a collapsed layer macro', () => {
    const { editor, t } = setup('xor-mlp');
    t().runBackward();
    const before = JSON.stringify(editor.getState().model.nodes.find((n) => n.id === 'h')!.attrs);
    expect(t().applyUpdate()).toBe(true);
    expect(t().update!.updates.length).toBeGreaterThan(4);
    expect(JSON.stringify(editor.getState().model.nodes.find((n) => n.id === 'h')!.attrs)).not.toBe(before);
    expect(t().update!.newLoss).not.toBe(t().update!.oldLoss);
  });

  it('refuses without gradients and with a bad learning rate', () => {
    const { editor, t } = setup('neuron');
    expect(t().applyUpdate()).toBe(false);
    t().runBackward();
    t().setLr(-1);
    expect(t().applyUpdate()).toBe(false);
    expect(editor.getState().notices.at(-1)!.title).toContain('learning rate');
  });
});

describe('teach store: collapsed macros step as one unit', () => {
  it('groups a collapsed macro into one contiguous unit in a valid order', () => {
    const graph = buildGraph(loadSample('xor-mlp'));
    const units = teachingUnits(graph);
    const order = [...units.graph.order];
    expect(order.slice().sort((a, b) => a - b)).toEqual([...graph.order].sort((a, b) => a - b));
    const pos = new Map(order.map((n, i) => [n, i]));
    for (const e of graph.edges) expect(pos.get(e.source)!).toBeLessThan(pos.get(e.target)!);
    for (const [u, members] of units.members) {
      const p = members.map((n) => pos.get(n)!);
      expect(Math.max(...p) - Math.min(...p), u).toBe(members.length - 1);
    }
  });

  it('one step computes the whole layer; the card shows its outputs at once', () => {
    const { editor, t } = setup('xor-mlp');
    const units: string[] = [];
    while (t().stepForward()) units.push(t().last!.unit);
    expect(units).toEqual(['x1', 'x2', 'h', 'out', 'y', 'L'].filter((u) => units.includes(u)));
    expect(units).toContain('h');
    t().reset();
    t().stepForward();
    t().stepForward();
    t().stepForward();
    expect(t().last).toMatchObject({ kind: 'forward', unit: 'h', macro: true });
    const view = buildTeachView(editor.getState().model, editor.getState().evaluation, t())!;
    const h = view.evaluation.results.get('h')!;
    expect(h.outputs!.every((o) => Number.isFinite(o.value))).toBe(true);
    expect(view.nodeClass.get('h')).toContain('teach-current');
    expect(view.nodeClass.get('out')).toContain('teach-pending');
    expect(Number.isNaN(view.evaluation.results.get('out')!.value)).toBe(true);
  });
});

describe('teach store: backward through a collapsed layer', () => {
  it("shows the gradient the layer sends to each input at the layer's step, before the inputs are visited", () => {
    const { t } = setup('xor-mlp');
    t().runForward();
    while (t().stepBackward() && t().last!.unit !== 'h');
    expect(t().last).toMatchObject({ kind: 'backward', unit: 'h', macro: true });
    const st = t().stepper!;
    // the inputs have not been visited yet
    expect(st.hasGrad(st.graph.indexOf.get('x1')!)).toBe(false);
    const grads = t().last!.inputGrads!;
    expect(grads).toHaveLength(2);
    expect(grads[0]).toBeCloseTo(-0.05645, 4);
    expect(grads[1]).toBeCloseTo(-0.02661, 4);
    // the same numbers the engine's full backward pass gives the inputs
    t().runBackward();
    expect(grads[0]).toBeCloseTo(st.session.grad(st.graph.indexOf.get('x1')!), 12);
    expect(grads[1]).toBeCloseTo(st.session.grad(st.graph.indexOf.get('x2')!), 12);
    // x2's step names the layer, not its internal nodes, and ends with the result
    const x2 = st.describeBackward(st.graph.indexOf.get('x2')!);
    const tex = collapsedBackwardTex(st.graph, x2, (id) => (id === 'h' ? 'hidden' : id));
    expect(tex).toContain('\\text{via } \\text{hidden}');
    expect(tex).not.toMatch(/m0_|m1_|\+ -/);
    expect(tex).toContain('-0.01344 - 0.01318');
    expect(tex.endsWith('= -0.02661')).toBe(true);
    // stepping back to the layer re-describes it with the same numbers
    while (t().last!.unit !== 'h') t().stepBack();
    expect(t().last!.inputGrads).toEqual(grads);
  });
});

describe('teach store: expanded macros step through their primitives', () => {
  it('after Expand in the editor, each primitive is its own step', () => {
    const { editor, t } = setup('xor-mlp');
    const collapsedUnits = t().units!.members.size;
    expect(editor.getState().expandMacro('h')).toBe(true);
    expect(t().units!.members.size).toBeGreaterThan(collapsedUnits);
    expect(progress(t()).forwardDone).toBe(0);
    const units: string[] = [];
    while (t().stepForward()) {
      units.push(t().last!.unit);
      expect(t().last!.steps).toHaveLength(t().last!.unit === 'out' ? t().units!.members.get('out')!.length : 1);
    }
    expect(units.filter((u) => u.startsWith('h/')).length).toBeGreaterThan(4);
  });
});

describe('teach canvas view', () => {
  it('shows values only once computed, gradients once final, and edge labels as they become known', () => {
    const { editor, t } = setup('chain-rule');
    const view = () => buildTeachView(editor.getState().model, editor.getState().evaluation, t())!;
    expect(Number.isNaN(view().evaluation.results.get('J')!.value)).toBe(true);
    t().runForward();
    expect(view().evaluation.results.get('J')!.value).toBe(33);
    expect(view().evaluation.results.get('J')!.grad).toBeUndefined();
    t().stepBackward(); // J
    t().stepBackward(); // v (or three)
    while (t().last!.unit !== 'c') t().stepBackward();
    const v = view();
    expect(v.evaluation.results.get('c')!.grad).toBe(9);
    expect(v.edgeData.get('c->u:1')).toMatchObject({ name: '∂u/∂c', local: '= 3', contribution: '→ 9' });
    expect(v.edgeClass.get('c->u:1')).toContain('teach-edge-active--backward');
    t().runBackward();
    expect(view().evaluation.results.get('b')!.grad).toBe(6);
    expect(view().edgeData.get('c->u:1')).toMatchObject({ local: '×3', contribution: '9', compact: true });
  });

  it('runs the gradient check on every leaf', () => {
    const { t } = setup('neuron');
    t().checkGradients();
    expect(
      t()
        .checks!.map((r) => r.id)
        .sort(),
    ).toEqual(['b', 'w1', 'w2', 'x1', 'x2', 'y'].sort());
    for (const r of t().checks!) expect(r.relError).toBeLessThan(1e-6);
  });
});

describe('teach store: training step', () => {
  it('dropout is the identity until the training step is ticked; then each value is 0 or x/(1 − p) and its local derivative m/(1 − p)', () => {
    const model = loadSample('overfitting');
    const withDropout = { ...model, nodes: model.nodes.map((n) => (n.id === 'net' ? { ...n, attrs: { ...n.attrs, dropout: 0.5 } } : n)) };
    const editor = createEditorStore({ initialModel: withDropout });
    const teach = createTeachStore(editor);
    const t = () => teach.getState();
    const read = () => {
      const st = t().stepper!;
      st.runForward();
      st.runBackward();
      const g = st.graph;
      return g.nodes
        .filter((n) => n.op.name === 'dropout')
        .map((n) => {
          const e = g.nodes[n.index].inputs[0];
          const x = st.session.value(g.edges[e].source);
          return { x, y: st.session.value(n.index), local: st.session.local[e] };
        });
    };
    const evaluation = read();
    expect(evaluation).toHaveLength(32);
    for (const d of evaluation) expect(d).toEqual({ x: d.x, y: d.x, local: 1 });
    t().setTrainingStep(true);
    expect(progress(t())).toMatchObject({ forwardDone: 0 }); // stepping starts over
    const training = read();
    let dropped = 0;
    for (const d of training) {
      // Kept (m = 1): y = x/(1 − p) and the local derivative 2; dropped (m = 0): 0 and 0.
      expect(d.local === 2 ? d.y === d.x / 0.5 : d.local === 0 && d.y === 0, JSON.stringify(d)).toBe(true);
      if (d.local === 0) dropped++;
    }
    expect(dropped).toBeGreaterThan(4);
    expect(dropped).toBeLessThan(28);
    t().setTrainingStep(false);
    expect(read()).toEqual(evaluation);
  });
});
