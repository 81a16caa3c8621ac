/**
 * Small helpers for writing LaTeX from operand expressions. Operands arrive as LaTeX already
 * (a name like `b`, `w_{1}`, or a formatted number like `-0.5`); these add the grouping that keeps
 * `3 \cdot (-2)` and `(-2)^{2}` unambiguous.
 */

/** Wraps an operand in parentheses when it is not a single atom (a negative number, a sum, ...). */
export function group(t: string): string {
  if (/^[A-Za-z0-9.]+$/.test(t) || /^[A-Za-z](_\{[^{}]*\})?$/.test(t) || /^\\text\{[^{}]*\}$/.test(t)) return t;
  if (/^\\[a-zA-Z]+\{[^{}]*\}$/.test(t)) return t; // \mathrm{x}, \sqrt{x}
  if (/^\(.*\)$/.test(t) && balanced(t.slice(1, -1))) return t;
  return `\\left(${t}\\right)`;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

export const prod = (args: readonly string[]) => args.map(group).join(' \\cdot ');
export const pow = (base: string, exp: string) => `${group(base)}^{${exp}}`;
export const neg = (x: string) => `-${group(x)}`;

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/**
 * A node label as a LaTeX identifier. Labels come from files and are plain text: anything beyond
 * a letter with an optional numeric subscript is set in \text{} with every special escaped.
 */
export function texName(label: string): string {
  if (/^-?\d+(\.\d+)?$/.test(label)) return label; // a constant labelled by its value
  const m = /^([A-Za-z])_?(\d+)$/.exec(label);
  if (m) return `${m[1]}_{${m[2]}}`;
  if (/^[A-Za-z]$/.test(label)) return label;
  const greek = /^(alpha|beta|gamma|delta|epsilon|theta|lambda|mu|sigma|tau|phi|psi|omega)$/i.exec(label);
  if (greek) return `\\${greek[1].toLowerCase()}`;
  return textTex(label);
}

/** Plain text (a label, a sentence in any language) as \text{…}, every TeX special escaped. */
export function textTex(text: string): string {
  return `\\text{${[...text].map((c) => TEX_SPECIALS[c] ?? c).join('')}}`;
}
