/** How the panel writes its formulas and sums: equality chains on aligned lines, signed sums, short vectors. */
import { numberTex } from '../../../../graph-engine/index.ts';
import { formatNumber, signedNumber } from '../../../i18n/format.ts';

/** A vector shows this many entries, then "…" (a layer can have hundreds of outputs). */
const VECTOR_ENTRIES_SHOWN = 8;

/**
 * Breaks a chain of equalities `a = b = c` into aligned lines so it fits the panel (splits only at
 * top-level " = ", never inside braces).
 */
export function alignedTex(tex: string): string {
  const parts = equalityParts(tex);
  if (parts.length < 3) return tex;
  return `\\begin{aligned} ${parts[0]} &= ${parts.slice(1).join(' \\\\ &= ')} \\end{aligned}`;
}

/** The sides of a chain of equalities `a = b = c` (split only at top-level " = ", never inside braces). */
export function equalityParts(tex: string): string[] {
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
  return parts;
}

/** A sum of numbers as text: "2 + 3", "−0.01344 − 0.01318" (never "+ −"). */
export function textSum(xs: number[]): string {
  return xs.map((x, i) => (i === 0 ? signedNumber(x) : x < 0 ? `− ${formatNumber(-x)}` : `+ ${formatNumber(x)}`)).join(' ');
}

/** A column vector in TeX, cut after the first entries. */
export function vectorTex(xs: number[]): string {
  const shown = xs.slice(0, VECTOR_ENTRIES_SHOWN).map((x) => numberTex(x));
  if (xs.length > VECTOR_ENTRIES_SHOWN) shown.push('\\dots');
  return `\\begin{bmatrix} ${shown.join(' \\\\ ')} \\end{bmatrix}`;
}
