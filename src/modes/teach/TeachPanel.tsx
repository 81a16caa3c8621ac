/**
 * Teach mode's side panel: the control bar, the timeline, the current step written out with the
 * chain rule (KaTeX, from the engine's LaTeX), the last parameter update, the sum-over-paths view
 * and the gradient check. Keyboard: → steps, ← steps back, Space plays/pauses.
 */
import { useEffect, useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import {
  formatNumber,
  isLeafOp,
  nodeLabel,
  pathsToLoss,
  readMacro,
  texName,
  type BackwardStep,
  type ForwardStep,
  type Stepper,
  numberTex,
} from '../../../graph-engine/index.ts';
import { Formula } from '../../inspector/Formula.tsx';
import { useEditor } from '../../store/useEditor.ts';
import { NO_PARAMS, progress, type UnitStep } from './teachStore.ts';
import { teachStore, useTeach } from './useTeach.ts';
import { PRESENTATION_FIT } from './canvasOverlay.tsx';
import { canvasApi } from '../../canvas/canvasApi.ts';
import { collapsedBackwardTex, groupByConsumer } from './units.ts';
import { graphLossLabel, graphNodeName, graphNodeNameOf } from '../../ui/nodeNames.ts';
import './teach.css';

const fmt = formatNumber;
const SPEEDS = [0.5, 1, 1.5, 2, 4];
const PATH_LIMIT = 24;
const CHECK_ROWS = 60;
const VECTOR_MAX = 8;

/**
 * Breaks a chain of equalities `a = b = c` into aligned lines so it fits the panel (splits only at
 * top-level " = ", never inside braces).
 */
export function alignedTex(tex: string): string {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (depth === 0 && tex.startsWith(' = ', i)) {
      parts.push(tex.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  parts.push(tex.slice(start));
  if (parts.length < 3) return tex;
  return `\\begin{aligned} ${parts[0]} &= ${parts.slice(1).join(' \\\\ &= ')} \\end{aligned}`;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.tagName === 'INPUT';
}

/** → steps, ← steps back, Space plays/pauses; and the play loop itself. */
function useTeachKeys() {
  const playing = useTeach((s) => s.playing);
  const speed = useTeach((s) => s.speed);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const t = teachStore.getState();
      if (e.key === 'ArrowRight') {
        t.setPlaying(false);
        t.step();
      } else if (e.key === 'ArrowLeft') {
        t.setPlaying(false);
        t.stepBack();
      } else if (e.key === ' ' || e.code === 'Space') {
        t.setPlaying(!t.playing);
      } else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const t = teachStore.getState();
      if (!t.step()) t.setPlaying(false);
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);
}

/** Presentation: larger text and cards (CSS on <html>), and the whole graph fitted to the screen (again on resize). */
function usePresentation() {
  const on = useTeach((s) => s.presentation);
  const flow = useReactFlow();
  useEffect(() => {
    document.documentElement.classList.toggle('teach-presentation', on);
    // Fit once the cards have been re-measured at their new size, and again a little later for slow layouts.
    const fit = () => (on ? void flow.fitView({ ...PRESENTATION_FIT, duration: 150 }) : canvasApi()?.fitView(150));
    const timers = [setTimeout(fit, 80), setTimeout(fit, 400)];
    let resize: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(resize);
      resize = setTimeout(fit, 120);
    };
    if (on) window.addEventListener('resize', onResize);
    return () => {
      timers.forEach(clearTimeout);
      clearTimeout(resize);
      window.removeEventListener('resize', onResize);
      document.documentElement.classList.remove('teach-presentation');
    };
  }, [on, flow]);
}

export function TeachPanel() {
  useTeachKeys();
  usePresentation();
  const version = useTeach((s) => s.version);
  const problem = useTeach((s) => s.problem);
  const presentation = useTeach((s) => s.presentation);
  const state = teachStore.getState();
  const p = useMemo(() => progress(teachStore.getState()), [version]);
  return (
    <aside className="inspector mode-panel teach-panel" aria-label="Teach panel">
      <div className="teach-panel__head">
        <h2>Teach</h2>
        <button
          type="button"
          className="teach-toggle"
          aria-pressed={presentation}
          onClick={() => state.setPresentation(!presentation)}
          title="Larger text and cards for a projector"
        >
          Presentation
        </button>
      </div>
      {problem ? <p className="notice-inline notice-inline--incomplete">{problem}</p> : <Controls />}
      {!problem && (
        <>
          <Timeline
            forward={p.forwardUnits}
            backward={p.backwardUnits}
            total={p.totalUnits}
            nodes={p.total !== p.totalUnits ? [p.forwardDone, p.backwardDone, p.total] : undefined}
          />
          {p.backwardBlocker && p.forwardDone === p.total && <p className="notice-inline notice-inline--incomplete">{p.backwardBlocker}</p>}
          <UpdateView />
          <StepView />
          <PathsView />
          <CheckView />
        </>
      )}
    </aside>
  );
}

function Controls() {
  const version = useTeach((s) => s.version);
  const lr = useTeach((s) => s.lr);
  const speed = useTeach((s) => s.speed);
  const playing = useTeach((s) => s.playing);
  const t = teachStore.getState();
  const p = useMemo(() => progress(teachStore.getState()), [version]);
  const [lrText, setLrText] = useState(String(lr));
  useEffect(() => setLrText((prev) => (Number(prev) === lr ? prev : String(lr))), [lr]);
  const lrValid = Number.isFinite(Number(lrText)) && Number(lrText) > 0 && lrText.trim() !== '';
  return (
    <div className="teach-controls" role="group" aria-label="Stepping controls">
      <div className="teach-controls__row">
        <button type="button" className="teach-btn teach-btn--fwd" disabled={!p.canForward} onClick={() => t.stepForward()} title="Compute the next node (→)">
          Step forward
        </button>
        <button
          type="button"
          className="teach-btn teach-btn--bwd"
          disabled={p.canForward || !p.canBackward}
          onClick={() => t.stepBackward()}
          title="Visit the next node in reverse order (→ once forward is done)"
        >
          Step backward
        </button>
      </div>
      <div className="teach-controls__row">
        <button type="button" className="teach-btn" disabled={!p.canForward} onClick={() => t.runForward()}>
          Run forward
        </button>
        <button type="button" className="teach-btn" disabled={!p.canBackward} onClick={() => t.runBackward()}>
          Run backward
        </button>
      </div>
      <div className="teach-controls__row">
        <button
          type="button"
          className="teach-btn"
          disabled={!p.canStepBack}
          onClick={() => t.stepBack()}
          aria-label="Step back"
          title="Undo the last step (←)"
        >
          ↶ Back
        </button>
        <button
          type="button"
          className="teach-btn"
          aria-pressed={playing}
          onClick={() => t.setPlaying(!playing)}
          aria-label={playing ? 'Pause' : 'Play'}
          title="Play / pause (Space)"
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <label className="teach-speed">
          <span>Speed</span>
          <select value={speed} onChange={(e) => t.setSpeed(Number(e.target.value))} aria-label="Play speed (steps per second)">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}/s
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="teach-controls__row">
        <label className="teach-lr">
          <span>Learning rate</span>
          <input
            type="text"
            inputMode="decimal"
            aria-label="Learning rate"
            className={lrValid ? '' : 'is-invalid'}
            value={lrText}
            onChange={(e) => {
              setLrText(e.target.value);
              const v = Number(e.target.value);
              if (Number.isFinite(v) && v > 0) t.setLr(v);
            }}
          />
        </label>
        <button
          type="button"
          className="teach-btn teach-btn--update"
          disabled={!p.canUpdate || !lrValid}
          onClick={() => t.applyUpdate()}
          title={p.hasParams ? 'w ← w − lr · ∂L/∂w for every param, then forward again' : NO_PARAMS}
        >
          Apply update
        </button>
      </div>
      <div className="teach-controls__row">
        <button type="button" className="teach-btn" disabled={p.forwardDone === 0} onClick={() => t.reset()}>
          Reset
        </button>
        <button type="button" className="teach-btn" onClick={() => t.checkGradients()} title="Compare reverse mode with finite differences">
          Check gradients
        </button>
      </div>
      <p className="teach-keys small muted">
        <kbd>→</kbd> step · <kbd>←</kbd> step back · <kbd>Space</kbd> play/pause
      </p>
    </div>
  );
}

function Timeline({ forward, backward, total, nodes }: { forward: number; backward: number; total: number; nodes?: [number, number, number] }) {
  const atUpdate = useTeach((s) => s.atUpdate);
  const update = useTeach((s) => s.update);
  const stage = atUpdate ? 'update' : backward > 0 || (forward === total && total > 0) ? 'backward' : 'forward';
  const bar = (done: number) => <span className="teach-timeline__bar" style={{ ['--done' as string]: total ? done / total : 0 }} />;
  return (
    <ol className="teach-timeline" aria-label="Timeline">
      <li className={stage === 'forward' ? 'is-active' : ''} data-testid="timeline-forward">
        <span className="teach-timeline__name">Forward</span>
        {bar(forward)}
        <span className="teach-timeline__count">
          {forward}/{total}
        </span>
      </li>
      <li className={stage === 'backward' ? 'is-active' : ''} data-testid="timeline-backward">
        <span className="teach-timeline__name">Backward</span>
        {bar(backward)}
        <span className="teach-timeline__count">
          {backward}/{total}
        </span>
      </li>
      <li className={stage === 'update' ? 'is-active' : ''} data-testid="timeline-update">
        <span className="teach-timeline__name">Update</span>
        <span className="teach-timeline__count">{update ? (atUpdate ? 'applied' : 'done') : '—'}</span>
      </li>
      {nodes && (
        <li className="teach-timeline__note small">
          Collapsed layers count as one step: {nodes[0]}/{nodes[2]} forward and {nodes[1]}/{nodes[2]} backward in primitive nodes.
        </li>
      )}
    </ol>
  );
}

function StepView() {
  const last = useTeach((s) => s.last);
  const st = useTeach((s) => s.stepper);
  const atUpdate = useTeach((s) => s.atUpdate);
  if (!st || atUpdate) return null;
  if (!last) {
    return (
      <section className="teach-step teach-step--intro" aria-label="Current step">
        <p>
          Press <strong>Step forward</strong> (or <kbd>→</kbd>) to compute the graph one node at a time, in topological order. When the loss is computed,{' '}
          <strong>Step backward</strong> walks back, applying the chain rule edge by edge.
        </p>
      </section>
    );
  }
  return (
    <section className={`teach-step teach-step--${last.kind}`} aria-label="Current step" aria-live="polite">
      {last.macro ? (
        <MacroStep last={last} stepper={st} />
      ) : last.kind === 'forward' ? (
        <ForwardView step={last.steps[0] as ForwardStep} stepper={st} />
      ) : (
        <BackwardView step={last.steps[0] as BackwardStep} stepper={st} />
      )}
    </section>
  );
}

function ForwardView({ step, stepper }: { step: ForwardStep; stepper: Stepper }) {
  const g = stepper.graph;
  const label = graphNodeNameOf(g, step.id);
  const kind = step.op === 'param' ? 'a parameter' : step.op === 'const' ? 'a constant' : 'an input';
  return (
    <>
      <h3>
        Forward: <span className="teach-name">{label}</span>
      </h3>
      <Formula tex={alignedTex(step.latex)} label={`Forward: ${step.latex}`} />
      <p className="small muted">
        {step.leaf
          ? `${label} is ${kind}: its value is given, nothing to compute.`
          : `${label} = ${step.op} of ${step.inputs.map((i) => `${graphNodeNameOf(g, i.source)} (${fmt(i.value)})`).join(', ')}: the highlighted edges feed it.`}
      </p>
    </>
  );
}

/** A sum of numbers as text: "2 + 3", "−0.01344 − 0.01318" (never "+ −"). */
export function textSum(xs: number[]): string {
  return xs.map((x, i) => (i === 0 ? fmt(x).replace('-', '−') : x < 0 ? `− ${fmt(-x)}` : `+ ${fmt(x)}`)).join(' ');
}

function BackwardView({ step, stepper }: { step: BackwardStep; stepper: Stepper }) {
  const nodes = useEditor((s) => s.model.nodes);
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, nodeLabel(n)])), [nodes]);
  const g = stepper.graph;
  const label = graphNodeNameOf(g, step.id);
  const lossLabel = graphLossLabel(g);
  const live = step.edges.filter((r) => r.reachesLoss);
  const macroLabel = (id: string) => labels.get(id) ?? id;
  const tex = collapsedBackwardTex(g, step, macroLabel);
  return (
    <>
      <h3>
        Backward:{' '}
        <span className="teach-name">
          ∂{lossLabel}/∂{label}
        </span>
      </h3>
      {step.isLoss ? (
        <p className="small">
          {label} is the loss: reverse mode starts here with ∂{lossLabel}/∂{label} = 1.
        </p>
      ) : !step.reachesLoss ? (
        <p className="small muted">{label} has no path to the loss, so its gradient is 0.</p>
      ) : (
        <ol className="teach-edges" aria-label="Outgoing edges">
          {groupByConsumer(g, step).map(({ macro, records }) => {
            if (macro) {
              // Into a collapsed layer: its primitives are not on show, so one card per layer.
              const t = macroLabel(macro);
              const total = records.reduce((sum, r) => sum + r.contribution, 0);
              return (
                <li key={`m:${macro}`} className="teach-edge-card" data-testid="edge-record">
                  <div className="teach-edge-card__title">
                    {label} → layer {t}
                  </div>
                  <dl className="teach-facts">
                    <dt>inner edges</dt>
                    <dd>{records.length}</dd>
                    <dt>via {t}</dt>
                    <dd>
                      {records.length > 1 && <>{textSum(records.map((r) => r.contribution))} = </>}
                      <strong>{fmt(total)}</strong>
                    </dd>
                  </dl>
                </li>
              );
            }
            const r = records[0];
            const t = graphNodeNameOf(g, r.target);
            return (
              <li key={r.edge} className="teach-edge-card" data-testid="edge-record">
                <div className="teach-edge-card__title">
                  {label} → {t}
                </div>
                <Formula tex={alignedTex(r.localLatex)} label={`Local derivative: ${r.localLatex}`} />
                <dl className="teach-facts">
                  <dt>
                    upstream ∂{lossLabel}/∂{t}
                  </dt>
                  <dd>{fmt(r.upstream)}</dd>
                  <dt>contribution</dt>
                  <dd>
                    {fmt(r.upstream)} × {fmt(r.local)} = <strong>{fmt(r.contribution)}</strong>
                  </dd>
                </dl>
              </li>
            );
          })}
        </ol>
      )}
      {step.multiPath && (
        <p className="teach-callout" role="note" data-testid="multi-path">
          <strong>Multi-path sum.</strong> {label} reaches {lossLabel} along {live.length} edges, so its gradient is the sum of their contributions:{' '}
          {textSum(live.map((r) => r.contribution))} = {fmt(step.grad)}.
        </p>
      )}
      <div className="teach-sum">
        <Formula tex={alignedTex(tex)} label={`Gradient: ${tex}`} />
      </div>
      {!step.isLoss && step.reachesLoss && <Convention step={step} stepper={stepper} />}
    </>
  );
}

/** The op registry's plain-words convention for a derivative (e.g. step's derivative is 0). */
function Convention({ step, stepper }: { step: BackwardStep; stepper: Stepper }) {
  const notes = new Set<string>();
  for (const r of step.edges) {
    const i = stepper.graph.indexOf.get(r.target);
    const c = i === undefined ? undefined : stepper.graph.nodes[i].op.convention;
    if (c) notes.add(c);
  }
  if (notes.size === 0) return null;
  return (
    <p className="small muted">
      {[...notes].map((n) => (
        <span key={n}>Note: {n} </span>
      ))}
    </p>
  );
}

const vectorTex = (xs: number[]) => {
  const shown = xs.slice(0, VECTOR_MAX).map((x) => numberTex(x));
  if (xs.length > VECTOR_MAX) shown.push('\\dots');
  return `\\begin{bmatrix} ${shown.join(' \\\\ ')} \\end{bmatrix}`;
};

/** A collapsed layer macro, stepped as one unit: its input and output vectors (forward), gradients (backward). */
function MacroStep({ last, stepper }: { last: UnitStep; stepper: Stepper }) {
  const title = useEditor((s) => {
    const unit = s.model.nodes.find((n) => n.id === last.unit);
    return unit ? nodeLabel(unit) : last.unit;
  });
  const g = stepper.graph;
  const macro = g.macros.get(last.unit);
  if (!macro) return null;
  const s = stepper.session;
  const at = (id: string) => g.indexOf.get(id)!;
  const inputs = macro.inputConsumers.map((consumers) => {
    const c = consumers[0];
    if (!c) return Number.NaN;
    const e = g.nodes[at(c.node)].inputs[c.port];
    return e >= 0 ? s.value(g.edges[e].source) : Number.NaN;
  });
  const outputs = macro.outputs.map((o) => s.value(at(o)));
  const name = texName(title);
  if (last.kind === 'forward') {
    return (
      <>
        <h3>
          Forward: layer <span className="teach-name">{title}</span> ({macro.op})
        </h3>
        <p className="small muted">
          A collapsed layer steps as one unit: {last.steps.length} primitive nodes at once. Expand it in Build mode to step through them one by one.
        </p>
        <Formula
          tex={`\\mathbf{x}_{${name}} = ${vectorTex(inputs)} \\;\\longmapsto\\; \\mathbf{y}_{${name}} = ${vectorTex(outputs)}`}
          label={`Layer ${title}: inputs ${inputs.map((x) => fmt(x)).join(', ')}; outputs ${outputs.map((x) => fmt(x)).join(', ')}`}
        />
      </>
    );
  }
  const reading = readMacro(g, s, last.unit);
  const lossLabel = graphLossLabel(g);
  const inGrads = last.inputGrads ?? [];
  return (
    <>
      <h3>
        Backward: layer <span className="teach-name">{title}</span> ({macro.op})
      </h3>
      <p className="small muted">
        {last.steps.length} primitive nodes visited at once. The gradient arriving at the outputs flows back through the layer to its weights and inputs.
      </p>
      <Formula
        tex={`\\begin{aligned} \\frac{\\partial ${texName(lossLabel)}}{\\partial \\mathbf{y}_{${name}}} &= ${vectorTex(reading?.outputs.map((o) => o.grad) ?? [])} \\\\ \\longmapsto\\; \\text{to inputs} &= ${vectorTex(inGrads)} \\end{aligned}`}
        label={`Layer ${title}: output gradients; contributions to its inputs ${inGrads.map((x) => fmt(x)).join(', ')}`}
      />
      {reading && reading.params.length > 0 && (
        <div className="teach-table-scroll">
          <table className="teach-table">
            <caption>Parameter gradients ({reading.params.length})</caption>
            <thead>
              <tr>
                <th>param</th>
                <th>value</th>
                <th>∂{lossLabel}/∂w</th>
              </tr>
            </thead>
            <tbody>
              {reading.params.slice(0, 16).map((p) => (
                <tr key={p.id}>
                  <td>{p.id}</td>
                  <td>{fmt(p.value)}</td>
                  <td>{fmt(p.grad)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reading && reading.params.length > 16 && <p className="small muted">First 16 of {reading.params.length} parameters.</p>}
    </>
  );
}

function UpdateView() {
  const update = useTeach((s) => s.update);
  const atUpdate = useTeach((s) => s.atUpdate);
  if (!update) return null;
  const better = update.newLoss < update.oldLoss;
  return (
    <section className={`teach-update${atUpdate ? ' is-current' : ''}`} aria-label="Parameter update">
      <h3>Gradient-descent update (lr = {fmt(update.lr)})</h3>
      <Formula tex={'w \\leftarrow w - \\eta \\, \\frac{\\partial L}{\\partial w}'} label="w becomes w minus learning rate times dL/dw" />
      <div className="teach-table-scroll">
        <table className="teach-table" data-testid="update-table">
          <thead>
            <tr>
              <th>param</th>
              <th>old</th>
              <th>∂L/∂w</th>
              <th title="− lr × ∂L/∂w">Δw</th>
              <th>new</th>
            </tr>
          </thead>
          <tbody>
            {update.updates.slice(0, 40).map((u) => (
              <tr key={u.id} data-testid="update-row" data-param={u.id}>
                <td>{u.id}</td>
                <td>{fmt(u.old)}</td>
                <td>{fmt(u.grad)}</td>
                <td>{fmt(u.new - u.old)}</td>
                <td>
                  <strong>{fmt(u.new)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {update.updates.length > 40 && <p className="small muted">First 40 of {update.updates.length} parameters.</p>}
      <p className={`teach-loss ${better ? 'is-better' : 'is-worse'}`} data-testid="loss-change">
        Loss {update.lossId}: <span data-testid="loss-old">{fmt(update.oldLoss)}</span> → <strong data-testid="loss-new">{fmt(update.newLoss)}</strong>{' '}
        <span className="teach-loss__delta">
          ({better ? '▼' : '▲'} {fmt(update.newLoss - update.oldLoss)})
        </span>
      </p>
      {atUpdate && (
        <p className="small muted">Forward ran again with the new parameters. Step backward for the next gradients, or press ← to undo this update.</p>
      )}
    </section>
  );
}

function PathsView() {
  const version = useTeach((s) => s.version);
  const leafChoice = useTeach((s) => s.pathsLeaf);
  const selected = useEditor((s) => s.selectedNodes);
  const st = teachStore.getState().stepper;
  const g = st?.graph;
  const leaves = useMemo(() => (g ? g.nodes.filter((n) => isLeafOp(n.op) && !n.origin) : []), [g]);
  const selectedLeaf = [...selected].find((id) => leaves.some((l) => l.id === id));
  const leafId = leafChoice ?? selectedLeaf ?? leaves.find((l) => g?.reachesLoss[l.index])?.id;
  const ready = !!st && st.backwardDone === st.total && st.total > 0;
  const listing = useMemo(() => {
    if (!st || !g || !ready || !leafId) return undefined;
    const i = g.indexOf.get(leafId);
    return i === undefined ? undefined : pathsToLoss(g, st.session, i, PATH_LIMIT);
  }, [st, g, ready, leafId, version]);
  if (!st || !g || leaves.length === 0 || g.loss < 0) return null;
  const lossLabel = graphLossLabel(g);
  const name = (n: number) => graphNodeName(g, n);
  return (
    <details className="teach-details" open>
      <summary>Paths: the sum over paths</summary>
      <label className="teach-field">
        <span>Leaf</span>
        <select aria-label="Leaf for paths" value={leafId ?? ''} onChange={(e) => teachStore.getState().setPathsLeaf(e.target.value || undefined)}>
          {leaves.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label} ({l.op.name})
            </option>
          ))}
        </select>
      </label>
      {!ready ? (
        <p className="small muted">
          Run the backward pass to the end (Run backward) to see every path from the leaf to {lossLabel} with its local derivatives.
        </p>
      ) : listing && listing.total === 0 ? (
        <p className="small muted">
          {leafId} has no path to {lossLabel}: its gradient is 0.
        </p>
      ) : listing ? (
        <>
          <ol className="teach-paths" data-testid="paths">
            {listing.paths.map((p, k) => (
              <li key={k}>
                <span className="teach-paths__route">{p.nodes.map(name).join(' → ')}</span>
                <span className="teach-paths__product">
                  {p.locals.map((l) => fmt(l)).join(' × ')} = <strong>{fmt(p.product)}</strong>
                </span>
              </li>
            ))}
          </ol>
          {listing.truncated ? (
            <p className="teach-callout">
              Showing {listing.paths.length} of {listing.total.toLocaleString('en')} paths (too many to list). All of them together add up to ∂{lossLabel}/∂
              {name(listing.from)} = {fmt(listing.grad)}, which reverse mode computes without listing any.
            </p>
          ) : (
            <p className="teach-sum-line" data-testid="paths-sum">
              Sum of {listing.paths.length} path{listing.paths.length === 1 ? '' : 's'}: {listing.paths.map((p) => fmt(p.product)).join(' + ')} ={' '}
              <strong>{fmt(listing.listedSum)}</strong> = ∂{lossLabel}/∂{name(listing.from)} (reverse mode: {fmt(listing.grad)})
            </p>
          )}
        </>
      ) : null}
    </details>
  );
}

function CheckView() {
  const checks = useTeach((s) => s.checks);
  const error = useTeach((s) => s.checkError);
  if (error) return <p className="notice-inline notice-inline--incomplete">{error}</p>;
  if (!checks) return null;
  const worst = checks.reduce((m, r) => Math.max(m, r.relError), 0);
  const ok = (r: number) => r < 1e-5;
  return (
    <section className="teach-check" aria-label="Gradient check">
      <h3>Gradient check (finite differences)</h3>
      <p className="small muted">numeric = (L(x + h) − L(x − h)) / 2h, compared with reverse mode.</p>
      <div className="teach-table-scroll">
        <table className="teach-table" data-testid="gradcheck">
          <thead>
            <tr>
              <th>leaf</th>
              <th>analytic</th>
              <th>numeric</th>
              <th>rel. error</th>
            </tr>
          </thead>
          <tbody>
            {checks.slice(0, CHECK_ROWS).map((r) => (
              <tr key={r.id} className={ok(r.relError) ? 'is-ok' : 'is-bad'}>
                <td>
                  {r.id} <span className="muted small">{r.op}</span>
                </td>
                <td>{fmt(r.analytic)}</td>
                <td>{fmt(r.numeric)}</td>
                <td>
                  {r.relError.toExponential(1)} {ok(r.relError) ? '✓' : '✗'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {checks.length > CHECK_ROWS && (
        <p className="small muted">
          First {CHECK_ROWS} of {checks.length} leaves.
        </p>
      )}
      <p className={`small ${ok(worst) ? '' : 'teach-bad'}`}>
        {ok(worst)
          ? `All ${checks.length} gradients agree (worst relative error ${worst.toExponential(1)}).`
          : `Worst relative error ${worst.toExponential(1)}: check the ops involved.`}
      </p>
    </section>
  );
}
