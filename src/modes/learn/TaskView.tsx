/**
 * The step's task: what each check asks (typed answers in their own fields), "Check", and the
 * engine's verdict on each, in the student's terms; then hints one at a time and the solution.
 */
import { describeCheck, type CheckResult } from '../../../graph-engine/index.ts';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/useEditor.ts';
import { lossLabel } from '../../ui/nodeNames.ts';
import { Markdown } from './Markdown.tsx';
import { currentStep } from './learnStore.ts';
import { learnStore, useLearn } from './useLearn.ts';

export function TaskView() {
  const { t } = useTranslation();
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
    <section className="learn-task" aria-label={t('learn.task.region')}>
      <h3>{t('learn.task.title')}</h3>
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
                      aria-label={t('learn.task.answer', { n: k + 1, prompt: c.prompt.replace(/\$/g, '') })}
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
            {checking ? t('learn.task.checking') : t('learn.task.check')}
          </button>
          {results && (
            <span className={`learn-summary ${allPass ? 'is-pass' : 'is-fail'}`} role="status" data-testid="learn-summary">
              {allPass
                ? results.length === 1
                  ? t('learn.task.passOne')
                  : t('learn.task.passAll', { count: results.length })
                : t('learn.task.passSome', { passed: passCount, count: results.length })}
            </span>
          )}
        </div>
        {stale && <p className="small muted">{t('learn.task.stale')}</p>}
      </form>
      <Hints />
      <Solution />
    </section>
  );
}

function Verdict({ result: r }: { result: CheckResult }) {
  const { t } = useTranslation();
  return (
    <p className="learn-verdict" data-testid="learn-verdict">
      <span aria-hidden="true">{r.pass ? '✓ ' : '✗ '}</span>
      <span className="sr-only">{r.pass ? t('learn.task.passes') : t('learn.task.fails')}</span>
      {r.message}
    </p>
  );
}

function Hints() {
  const { t } = useTranslation();
  const hints = useLearn((s) => currentStep(s)?.task?.hints ?? []);
  const shown = useLearn((s) => s.hints);
  if (hints.length === 0) return null;
  return (
    <div className="learn-hints">
      {hints.slice(0, shown).map((h, k) => (
        <p key={k} className="learn-hint" data-testid="learn-hint">
          <strong>{t('learn.hints.hint', { n: k + 1 })}</strong> <Markdown text={h} inline />
        </p>
      ))}
      {shown < hints.length && (
        <button type="button" className="learn-link" onClick={() => learnStore.getState().nextHint()}>
          {t(shown === 0 ? 'learn.hints.showFirst' : 'learn.hints.showNext', { n: shown + 1, total: hints.length })}
        </button>
      )}
    </div>
  );
}

function Solution() {
  const { t } = useTranslation();
  const solution = useLearn((s) => currentStep(s)?.task?.solution);
  const checks = useLearn((s) => currentStep(s)?.task?.checks ?? []);
  const shown = useLearn((s) => s.solution);
  if (!solution) return null;
  if (!shown)
    return (
      <button type="button" className="learn-link" onClick={() => learnStore.getState().showSolution()}>
        {t('learn.solution.show')}
      </button>
    );
  return (
    <section className="learn-solution" aria-label={t('learn.solution.title')}>
      <h4>{t('learn.solution.title')}</h4>
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
        <button type="button" className="learn-btn" onClick={() => void learnStore.getState().loadSolution()} title={t('learn.solution.openTitle')}>
          {t('learn.solution.open')}
        </button>
      )}
    </section>
  );
}
