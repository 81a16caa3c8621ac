/**
 * Teach steps in words, for the live region: "Forward: u = b × c = 3 × 2 = 6", "Backward:
 * ∂J/∂b = 3 × 2 = 6". Every number is the engine's (the stepper's records), written as the cards
 * write numbers (formatNumber); formulas come from the engine's LaTeX, spelled out as text.
 */
import { type BackwardStep, type ForwardStep, type Graph } from '../../graph-engine/index.ts';
import { localizeTex, signedNumber } from '../i18n/format.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';
import { localizeTexWords } from '../modes/teach/texWords.ts';
import { graphLossLabel, graphNodeNameOf } from '../ui/nodeNames.ts';

/** A number as the cards show it, with a true minus sign, in parentheses when negative after an operator. */
const num = (v: number) => signedNumber(v);
const factor = (x: number) => (x < 0 ? `(${num(x)})` : num(x));

const WORDS: Record<string, string> = {
  cdot: '×',
  times: '×',
  partial: '∂',
  sigma: 'σ',
  sum: 'Σ',
  infty: '∞',
  ge: '≥',
  le: '≤',
  quad: ' ',
  textbackslash: '\\',
  textasciicircum: '^',
  textasciitilde: '~',
  left: '',
  right: '',
  longmapsto: '↦',
};

/** The first brace group of `s` from `i` (which is '{'): its content and the index after it. */
function braced(s: string, i: number): [string, number] {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return [s.slice(i + 1, j), j + 1];
  }
  return [s.slice(i + 1), s.length];
}

/** A simple operand reads bare in a fraction (∂J/∂b); anything else gets parentheses. */
const operand = (t: string) => (/^[^\s+−\-×/]+$/.test(t) || /^∂\S+$/.test(t) ? t : `(${t})`);

/** The engine's formula LaTeX as plain text: \frac{∂J}{∂b} → ∂J/∂b, \cdot → ×, \text{x} → x. */
export function latexText(tex: string): string {
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const ch = tex[i];
    if (ch === '\\') {
      const m = /^\\([a-zA-Z]+|.)/.exec(tex.slice(i))!;
      const name = m[1];
      i += m[0].length;
      if (name === 'frac') {
        const [a, j] = braced(tex, tex.indexOf('{', i));
        const [b, k] = braced(tex, tex.indexOf('{', j));
        out += `${operand(latexText(a))}/${operand(latexText(b))}`;
        i = k;
      } else if (name === 'sqrt') {
        const [a, j] = braced(tex, tex.indexOf('{', i));
        out += `√(${latexText(a)})`;
        i = j;
      } else if (name === 'underbrace') {
        // \underbrace{2 + 3}_{\text{via h}}: the sum, then what it is, in parentheses.
        const [a, j] = braced(tex, tex.indexOf('{', i));
        out += latexText(a);
        i = j;
        if (tex[i] === '_') {
          const [b, k] = tex[i + 1] === '{' ? braced(tex, i + 1) : [tex[i + 1] ?? '', i + 2];
          out += ` (${latexText(b)})`;
          i = k;
        }
      } else if (name === 'begin' || name === 'end') {
        // \begin{cases} … \end{cases}: the environment's name is not said.
        i = braced(tex, tex.indexOf('{', i))[1];
      } else if (name === 'text' || name === 'operatorname' || name === 'mathrm' || name === 'mathbf') {
        const [a, j] = braced(tex, tex.indexOf('{', i));
        out += latexText(a);
        i = j;
      } else if (name in WORDS) out += WORDS[name];
      else if (/^[a-zA-Z]+$/.test(name))
        out += name; // \ln, \max, \tanh: the name reads as itself
      else if (name === '\\')
        out = `${out.trimEnd()}; `; // a new line (of cases, of aligned steps)
      else out += name === ',' || name === ';' ? ' ' : name; // \{ \} \$ \& \_ and thin spaces
    } else if (ch === '{' || ch === '}') i++;
    else if (ch === '&') {
      // An alignment point (cases, aligned): a space.
      out += ' ';
      i++;
    } else if (ch === '^' || ch === '_') {
      const [a, j] = tex[i + 1] === '{' ? braced(tex, i + 1) : [tex[i + 1] ?? '', i + 2];
      const t = latexText(a);
      out += ch === '_' ? t : `^${t.length > 1 ? `(${t})` : t}`;
      i = j;
    } else if (ch === '-') {
      out += '−';
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  // \partial J reads ∂J, as a derivative is written.
  return out.replace(/\s+/g, ' ').replace(/∂ /g, '∂').trim();
}

/**
 * The engine's formula as text in the current language, as a screen reader should say it: its
 * words translated and its decimal points as the language writes them ("{,}" reads as a comma).
 */
export const spokenTex = (tex: string): string => latexText(localizeTex(localizeTexWords(tex), currentLanguage()));

/** A forward step of one node: its formula with the numbers in, e.g. "Forward: u = b × c = 3 × 2 = 6". */
export function forwardText(step: ForwardStep): string {
  return t('a11y.step.forward', { formula: spokenTex(step.latex) });
}

/** A backward step of one node: upstream gradient times local derivative per live edge, summed. */
export function backwardText(graph: Graph, step: BackwardStep): string {
  const L = graphLossLabel(graph);
  const lhs = `∂${L}/∂${graphNodeNameOf(graph, step.id)}`;
  if (step.isLoss) return t('a11y.step.backwardLoss', { lhs, loss: L });
  if (!step.reachesLoss) return t('a11y.step.backwardNoPath', { lhs });
  const live = step.edges.filter((r) => r.reachesLoss);
  const products = live.map((r) => `${factor(r.upstream)} × ${factor(r.local)}`).join(' + ');
  const sums = live.length > 1 ? ` = ${live.map((r) => factor(r.contribution)).join(' + ')}` : '';
  return t('a11y.step.backward', { lhs, working: `${products}${sums} = ${num(step.grad)}` });
}

/** A collapsed layer stepped as one unit: its outputs (forward) or the gradients it sends to its inputs (backward). */
export function layerText(kind: 'forward' | 'backward', layer: string, values: readonly number[]): string {
  const shown = values.slice(0, 8).map(num).join(t('a11y.listSeparator'));
  const all = values.length > 8 ? t('a11y.step.more', { values: shown, more: values.length - 8 }) : shown;
  return kind === 'forward' ? t('a11y.step.layerForward', { layer, values: all }) : t('a11y.step.layerBackward', { layer, values: all });
}
