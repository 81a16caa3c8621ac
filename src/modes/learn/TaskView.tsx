/**
 * The step's task: what each check asks (typed answers in their own fields), "Check", and the
 * engine's verdict on each, in the student's terms; then hints one at a time and the solution.
 */
import { describeCheck, type CheckResult } from '../../../graph-engine/index.ts';
import { useEditor } from '../../store/useEditor.ts';
import { lossLabel } from '../../ui/nodeNames.ts';
import { Markdown } from './Markdown.tsx';
import { currentStep } from './learnStore.ts';
import { learnStore, useLearn } from './useLearn.ts';

export function TaskView() {
  const step = useLearn(currentStep)!;
  const task = step.task!;
  const answers = useLearn((s) => s.answers);
  const results = useLearn((s) => s.results);
  const checking = useLearn((s) => s.checking);
  const checkedModel = useLearn((s) => s.checkedModel);
  const model = useEditor((s) => s.model);
  // Checks name the loss as the graph does (∂J/∂a); "loss" until the graph has one.
  const loss = useEditor((s) => (s.evaluation.lossId ? lossLabel(s.model.nodes, s.evaluation.lossId) : undefined));
  const stale = !!results && checkedModel !== model;
  const passCount = results?.filter((r) => r.pass).length ?? 0;
  const allPass = !!results && passCount === results.length;
  const learn = () => learnStore.getState();
  return (
    <section className="learn-task" aria-label="Task">
      <h3>Your task</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void learn().check();
        }}
      >
        <ol className="learn-checks">
          {task.checks.map((c, k) => {
            const r = results?.[k];
            return (
              <li key={k} className={`learn-check${r ? (r.pass ? ' is-pass' : ' is-fail') : ''}`} data-testid="learn-check">
                {c.kind === 'answer' ? (
                  <label className="learn-answer">
                    <span className="learn-answer__prompt">
                      <Markdown text={c.prompt} inline />
                    </span>
                    <input
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      aria-label={`Answer ${k + 1}: ${c.prompt.replace(/\$/g, '')}`}
                      value={answers[c.id] ?? ''}
                      onChange={(e) => learn().setAnswer(c.id, e.target.value)}
                    />
                  </label>
                ) : (
                  <span className="learn-check__expected">{r?.expected ?? describeCheck(c, loss)}</span>
                )}
                {r && <Verdict result={r} />}
              </li>
            );
          })}
        </ol>
        <div className="learn-row">
          <button type="submit" className="learn-btn learn-btn--primary" disabled={checking}>
            {checking ? 'Checking…' : 'Check'}
          </button>
          {results && (
            <span className={`learn-summary ${allPass ? 'is-pass' : 'is-fail'}`} role="status" data-testid="learn-summary">
              {allPass
                ? `${results.length === 1 ? 'The check passes' : `All ${results.length} checks pass`}: step done!`
                : `${passCount} of ${results.length} checks pass.`}
            </span>
          )}
        </div>
        {stale && <p className="small muted">The graph changed since this check: press Check again.</p>}
      </form>
      <Hints />
      <Solution />
    </section>
  );
}

function Verdict({ result: r }: { result: CheckResult }) {
  return (
    <p className="learn-verdict" data-testid="learn-verdict">
      <span aria-hidden="true">{r.pass ? '✓ ' : '✗ '}</span>
      <span className="sr-only">{r.pass ? 'Passes: ' : 'Fails: '}</span>
      {r.message}
    </p>
  );
}

function Hints() {
  const hints = useLearn((s) => currentStep(s)?.task?.hints ?? []);
  const shown = useLearn((s) => s.hints);
  if (hints.length === 0) return null;
  return (
    <div className="learn-hints">
      {hints.slice(0, shown).map((h, k) => (
        <p key={k} className="learn-hint" data-testid="learn-hint">
          <strong>Hint {k + 1}.</strong> <Markdown text={h} inline />
        </p>
      ))}
      {shown < hints.length && (
        <button type="button" className="learn-link" onClick={() => learnStore.getState().nextHint()}>
          {shown === 0 ? 'Show a hint' : 'Another hint'} ({shown + 1} of {hints.length})
        </button>
      )}
    </div>
  );
}

function Solution() {
  const solution = useLearn((s) => currentStep(s)?.task?.solution);
  const checks = useLearn((s) => currentStep(s)?.task?.checks ?? []);
  const shown = useLearn((s) => s.solution);
  if (!solution) return null;
  if (!shown)
    return (
      <button type="button" className="learn-link" onClick={() => learnStore.getState().showSolution()}>
        Show the solution
      </button>
    );
  return (
    <section className="learn-solution" aria-label="Solution">
      <h4>Solution</h4>
      {solution.text && <Markdown text={solution.text} />}
      {solution.answers && (
        <ul>
          {Object.entries(solution.answers).map(([id, v]) => {
            const c = checks.find((x) => x.kind === 'answer' && x.id === id);
            return (
              <li key={id}>
                {c?.kind === 'answer' ? <Markdown text={c.prompt} inline /> : id} <strong>{v}</strong>
              </li>
            );
          })}
        </ul>
      )}
      {solution.model && (
        <button type="button" className="learn-btn" onClick={() => void learnStore.getState().loadSolution()} title="Undo brings your graph back">
          Open the solution’s graph
        </button>
      )}
    </section>
  );
}
