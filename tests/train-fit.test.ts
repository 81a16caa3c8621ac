/** The fit plot's data: the worker's curve of a 1-input regression, against values worked by hand. */
import { describe, expect, it } from 'vitest';
import { TrainRunner, type RunnerHost } from '../src/trainWorker/runner.ts';
import type { Snapshot } from '../src/trainWorker/protocol.ts';
import { niceTicks, tickLabel } from '../src/modes/train/fitScale.ts';
import { loadSample } from './support/load-sample.ts';
import { input, model, op } from './support/models.ts';

/** ŷ = w·x + b with w = 2, b = 1, scored by mse against y. */
const line = model(
  [input('x', 0), { id: 'w', op: 'param', value: 2 }, { id: 'b', op: 'param', value: 1 }, op('wx', 'mul'), op('yhat', 'add'), input('y', 0), op('L', 'mse')],
  [
    ['w', 'wx', 0],
    ['x', 'wx', 1],
    ['wx', 'yhat', 0],
    ['b', 'yhat', 1],
    ['yhat', 'L', 0],
    ['y', 'L', 1],
  ],
  'L',
);
// x from 0 to 10, so the axis runs 5% of the span beyond: [-0.5, 10.5].
const csv = 'x,y\n0,0.5\n2,5.5\n5,10\n7.5,16.5\n10,20.5\n';

function host(): RunnerHost {
  let t = 0;
  return { now: () => (t += 1), schedule: () => {}, post: (_s: Snapshot) => {} };
}

describe('fit plot', () => {
  it('evaluates ŷ = 2x + 1 over 100 points from -0.5 to 10.5', () => {
    const runner = new TrainRunner(host());
    const r = runner.configure({ model: line, dataset: { kind: 'csv', name: 'line.csv', text: csv }, overrides: { testRatio: 0.2 } });
    if (!r.ok) throw new Error(r.error);
    expect(r.info.task).toBe('regression');
    expect(r.info.plane).toBeUndefined();
    expect(r.info.noPlane).toBeUndefined();
    const fit = r.info.fit!;
    expect(fit.axis).toBe('x');
    expect(fit.target).toBe('y');
    expect(fit.output).toBe('yhat');
    expect(fit.range[0]).toBeCloseTo(-0.5, 14);
    expect(fit.range[1]).toBeCloseTo(10.5, 14);
    expect(fit.count).toBe(100);
    expect(Array.from(fit.points.x)).toEqual([0, 2, 5, 7.5, 10]);
    expect(Array.from(fit.points.y)).toEqual([0.5, 5.5, 10, 16.5, 20.5]);
    expect(Array.from(fit.points.test).reduce((a, b) => a + b, 0)).toBe(1);
    const curve = r.snapshot.fitCurve!;
    expect(curve.length).toBe(100);
    // Grid step 11/99 = 1/9: point i is at x = -0.5 + i/9.
    expect(curve[0]).toBeCloseTo(0, 5); // 2·(-0.5) + 1
    expect(curve[99]).toBeCloseTo(22, 5); // 2·10.5 + 1
    expect(curve[9]).toBeCloseTo(2, 5); // x = 0.5
    expect(curve[45]).toBeCloseTo(10, 5); // x = 4.5
  });

  it('follows the parameters: one epoch moves the curve, as the new w and b say', () => {
    const runner = new TrainRunner(host());
    const r = runner.configure({ model: line, dataset: { kind: 'csv', name: 'line.csv', text: csv }, overrides: { testRatio: 0, lr: 0.001 } });
    if (!r.ok) throw new Error(r.error);
    const s = runner.stepEpoch()!;
    const { w, b } = s.params;
    expect(w).not.toBe(2);
    expect(s.fitCurve![0]).toBeCloseTo(w * -0.5 + b, 5);
    expect(s.fitCurve![99]).toBeCloseTo(w * 10.5 + b, 5);
  });

  it('km-to-miles gets a fit plot of miles over km; a 2-input graph does not', () => {
    const runner = new TrainRunner(host());
    const km = runner.configure({ model: loadSample('km-to-miles'), dataset: { kind: 'builtin', name: 'km-to-miles' }, overrides: {} });
    if (!km.ok) throw new Error(km.error);
    expect(km.info.fit).toMatchObject({ axis: 'km', target: 'miles', output: 'miles_hat' });
    expect(km.info.fit!.points.x.length).toBe(50);
    // The canvas sample is a dataset row, numbered as the plot's points are.
    expect(runner.sample(3).km).toBeCloseTo(km.info.fit!.points.x[3], 5);
    expect(runner.sample(3).miles).toBeCloseTo(km.info.fit!.points.y[3], 5);
    // miles_hat = 0.1 · km, the sample's starting weight.
    const [lo, hi] = km.info.fit!.range;
    expect(km.snapshot.fitCurve![0]).toBeCloseTo(0.1 * lo, 5);
    expect(km.snapshot.fitCurve![99]).toBeCloseTo(0.1 * hi, 5);
    const spiral = runner.configure({ model: loadSample('spiral-mlp'), dataset: { kind: 'builtin', name: 'spiral' }, overrides: {} });
    if (!spiral.ok) throw new Error(spiral.error);
    expect(spiral.info.fit).toBeUndefined();
    expect(spiral.snapshot.fitCurve).toBeUndefined();
  });
});

describe('fit plot axes', () => {
  it('put ticks on round values: steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(-0.5, 10.5, 6)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(-0.16, 1.16, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0.1, 0.7, 3)).toEqual([0.2, 0.4, 0.6]); // 3 · 0.2 is 0.6000000000000001 in floats
    expect(niceTicks(-1.3, 1.3, 5)).toEqual([-1, 0, 1]); // a step of 0.52 rounds up to 1
    expect(niceTicks(-1.3, 1.3, 6)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it('label ticks with the decimals their step needs', () => {
    expect(niceTicks(-0.5, 10.5, 6).map((t, _, all) => tickLabel(t, all))).toEqual(['0', '2', '4', '6', '8', '10']);
    expect([0.2, 0.4, 0.6].map((t, _, all) => tickLabel(t, all))).toEqual(['0.2', '0.4', '0.6']);
    expect([-0.05, 0, 0.05].map((t, _, all) => tickLabel(t, all))).toEqual(['-0.05', '0.00', '0.05']);
  });
});
