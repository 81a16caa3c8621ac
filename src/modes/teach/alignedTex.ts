/** Teach mode's long formulas as KaTeX lays them out. */

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
