/**
 * A node's formula in KaTeX, loaded on first use (it is large). Labels reach LaTeX only through
 * the engine's texName (escaped), and KaTeX runs with trust: false, so a label is never markup.
 */
import { useKatexHtml } from '../ui/katex.ts';

export function Formula({ tex, label }: { tex: string; label: string }) {
  const html = useKatexHtml(tex, true);
  return html ? (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's own markup, rendered with trust: false from our LaTeX (labels are escaped by texName)
    <div className="formula" role="math" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <code className="formula formula--loading">{tex}</code>
  );
}
