/**
 * Words in formulas, in the current language. The engine writes its formulas in one language
 * (English words in \text{…}: "otherwise", "(no path to the loss)"); rather than teach the engine
 * languages, the app swaps each known phrase for the catalog's before typesetting. Only whole
 * \text{…} groups that match a known phrase change: a node's label (also set in \text{…}) is
 * left alone unless it is literally one of these phrases.
 */
import { t } from '../../i18n/i18n.ts';
import { textTex } from '../../../graph-engine/index.ts';

/** The engine's fixed \text phrases and their catalog keys. */
const PHRASES = {
  'training step': 'teach.tex.trainingStep',
  otherwise: 'teach.tex.otherwise',
  '(no path to the loss)': 'teach.tex.noPath',
  '(see the expanded layer)': 'teach.tex.seeExpanded',
} as const;

/** The engine's one \text phrase with a number in it (graph-engine/expr/expression.ts). */
const TOO_LONG = /^\(too long to show: (\d+) terms\)$/;

/** The current language's words for one engine \text phrase, or undefined when it is not a known phrase. */
function texPhrase(phrase: string): string | undefined {
  if (phrase in PHRASES) return t(PHRASES[phrase as keyof typeof PHRASES]);
  const m = TOO_LONG.exec(phrase);
  return m ? t('teach.tex.tooLong', { terms: m[1] }) : undefined;
}

/** The engine's formula `tex` with its \text{…} phrases in the current language. */
export function localizeTexWords(tex: string): string {
  return tex.replace(/\\text\{([^{}]*)\}/g, (whole, phrase: string) => {
    const words = texPhrase(phrase);
    return words === undefined ? whole : textTex(words);
  });
}
