/**
 * Quiz me: the questions a step asks before it reveals its numbers, and how a typed answer is
 * read and marked. The answers come from the engine: the next step is taken on the stepper, read,
 * and taken back (stepping back only moves the cursor), so a question never computes anything the
 * engine did not.
 */
import { numberTex, texName, type BackwardStep, type ForwardStep, type Stepper } from '../../../../graph-engine/index.ts';
import { formatNumber, signedNumber } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { graphLossLabel, graphNodeName, graphNodeNameOf } from '../../../ui/nodeNames.ts';
import { equalityParts, textSum } from '../panel/formulaText.ts';
import { localizeTexWords } from '../texWords.ts';
import type { Units } from '../units.ts';

export type QuestionKind = 'value' | 'local' | 'grad' | 'sum';

/** One of the contributions a multi-path gradient adds up. */
export interface SumTerm {
  /** The node the path goes through, e.g. "u". */
  via: string;
  upstream: number;
  local: number;
  contribution: number;
}

export interface QuizQuestion {
  kind: QuestionKind;
  /** What is asked, as text: "∂J/∂b", "u". */
  symbol: string;
  /** The question in LaTeX, with what is known filled in and "?" for the answer (in the current language). */
  readonly promptTex: string;
  /** The question as text, for screen readers and the tests (in the current language: read it when drawing). */
  readonly prompt: string;
  /** The engine's number. */
  answer: number;
  /** The working, as text: "∂J/∂b = ∂J/∂u · ∂u/∂b = 3 × 2 = 6" (numbers as the current language writes them). */
  readonly working: string;
  /** The terms of a multi-path sum, shown after a wrong answer. */
  terms?: SumTerm[];
}

/** How close an answer must be: within this much, or this fraction of the true value, whichever is larger. */
const ABSOLUTE_TOLERANCE = 0.01;
const RELATIVE_TOLERANCE = 0.01;
/** The tolerance in words, in the current language. */
export const toleranceText = (): string =>
  t('teach.quiz.tolerance', { absolute: formatNumber(ABSOLUTE_TOLERANCE), percent: formatNumber(RELATIVE_TOLERANCE * 100) });

const fmt = (v: number) => signedNumber(v);

/** The left side and what is known, with the last side (the number) replaced by "?". */
function askTex(tex: string): string {
  const parts = equalityParts(tex);
  return `${parts.slice(0, Math.max(1, parts.length - 1)).join(' = ')} = \\;?`;
}

/** The unit about to be stepped in `direction`, or undefined when none (or it is a collapsed layer). */
function nextSingleNode(st: Stepper, units: Units, direction: 'forward' | 'backward'): number | undefined {
  const order = units.graph.order;
  if (direction === 'forward' ? !st.canStepForward() : !st.canStepBackward()) return undefined;
  const n = direction === 'forward' ? order[st.forwardDone] : order[st.total - 1 - st.backwardDone];
  // A collapsed layer steps many primitives at once: there is no one number to ask for.
  return units.graph.macros.has(units.unitOf[n]) ? undefined : n;
}

/** The questions the next step asks (none: the step just goes). The stepper ends where it began. */
export function questionsFor(st: Stepper, units: Units, direction: 'forward' | 'backward'): QuizQuestion[] {
  const n = nextSingleNode(st, units, direction);
  if (n === undefined) return [];
  if (direction === 'forward') {
    const step = st.stepForward();
    st.stepBack();
    return step ? forwardQuestions(st, step) : [];
  }
  const step = st.stepBackward();
  st.stepBack();
  return step ? backwardQuestions(st, units, step) : [];
}

function forwardQuestions(st: Stepper, step: ForwardStep): QuizQuestion[] {
  if (step.leaf || !Number.isFinite(step.value)) return [];
  const name = graphNodeNameOf(st.graph, step.id);
  const inputs = () => step.inputs.map((i) => `${graphNodeNameOf(st.graph, i.source)} = ${fmt(i.value)}`).join(t('teach.listSeparator'));
  return [
    {
      kind: 'value',
      symbol: name,
      get promptTex() {
        return askTex(localizeTexWords(step.latex));
      },
      get prompt() {
        return t('teach.quiz.valuePrompt', { name, op: step.op, inputs: inputs() });
      },
      answer: step.value,
      get working() {
        return `${name} = ${step.op}(${step.inputs.map((i) => fmt(i.value)).join(t('teach.listSeparator'))}) = ${fmt(step.value)}`;
      },
    },
  ];
}

function backwardQuestions(st: Stepper, units: Units, step: BackwardStep): QuizQuestion[] {
  const g = st.graph;
  if (step.isLoss || !step.reachesLoss || !Number.isFinite(step.grad)) return [];
  const L = graphLossLabel(g);
  const x = graphNodeName(g, step.node);
  const live = step.edges.filter((r) => r.reachesLoss);
  // Into a collapsed layer, the local derivatives are the layer's inner business: ask only the gradient.
  const intoLayer = live.some((r) => units.graph.macros.has(units.unitOf[g.edges[r.edge].target]));
  const via = (r: (typeof live)[number]) => graphNodeName(g, g.edges[r.edge].target);
  const grad = `∂${L}/∂${x}`;
  if (live.length > 1 || intoLayer) {
    const terms = live.map((r) => ({ via: via(r), upstream: r.upstream, local: r.local, contribution: r.contribution }));
    const symbolic = terms.map((t) => `∂${L}/∂${t.via} · ∂${t.via}/∂${x}`).join(' + ');
    const products = () => terms.map((t) => `${fmt(t.upstream)} × ${fmt(t.local)}`).join(' + ');
    return [
      {
        kind: 'sum',
        symbol: grad,
        get promptTex() {
          return askTex(localizeTexWords(step.latex));
        },
        get prompt() {
          return t('teach.quiz.sumPrompt', { node: x, loss: L, paths: terms.length, grad });
        },
        answer: step.grad,
        get working() {
          return `${grad} = ${symbolic} = ${products()} = ${textSum(terms.map((t) => t.contribution))} = ${fmt(step.grad)}`;
        },
        terms,
      },
    ];
  }
  const r = live[0];
  const through = via(r);
  const local = `∂${through}/∂${x}`;
  return [
    {
      kind: 'local',
      symbol: local,
      get promptTex() {
        return askTex(localizeTexWords(r.localLatex));
      },
      get prompt() {
        return t('teach.quiz.localPrompt', { local });
      },
      answer: r.local,
      get working() {
        return `${local} = ${fmt(r.local)}`;
      },
    },
    {
      kind: 'grad',
      symbol: grad,
      promptTex: `\\frac{\\partial ${texName(L)}}{\\partial ${texName(x)}} = ${fmtTex(r.upstream)} \\cdot ${fmtTex(r.local)} = \\;?`,
      get prompt() {
        return t('teach.quiz.gradPrompt', { grad, loss: L, via: through, local, upstream: fmt(r.upstream) });
      },
      answer: step.grad,
      get working() {
        return `${grad} = ∂${L}/∂${through} · ${local} = ${fmt(r.upstream)} × ${fmt(r.local)} = ${fmt(step.grad)}`;
      },
    },
  ];
}

const fmtTex = (v: number) => (v < 0 ? `(${numberTex(v)})` : numberTex(v));

/** Whether `typed` is within the stated tolerance of the engine's `answer`. */
export function isRight(typed: number, answer: number): boolean {
  return Math.abs(typed - answer) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(answer));
}
