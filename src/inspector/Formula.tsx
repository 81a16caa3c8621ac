/**
 * A node's formula in KaTeX, loaded on first use (it is large). Labels reach LaTeX only through
 * the engine's texName (escaped), and KaTeX runs with trust: false, so a label is never markup.
 */
import { useEffect, useState } from 'react';

type Katex = typeof import('katex');
let katexPromise: Promise<Katex> | undefined;
export function loadKatex(): Promise<Katex> {
  katexPromise ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([k]) => (k as unknown as { default: Katex }).default ?? k);
  return katexPromise;
}

export function Formula({ tex, label }: { tex: string; label: string }) {
  const [html, setHtml] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    void loadKatex().then((katex) => {
      if (!cancelled) setHtml(katex.renderToString(tex, { trust: false, throwOnError: false, displayMode: true, strict: 'ignore' }));
    });
    return () => {
      cancelled = true;
    };
  }, [tex]);
  return html ? (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's own markup, rendered with trust: false from our LaTeX (labels are escaped by texName)
    <div className="formula" role="math" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <code className="formula formula--loading">{tex}</code>
  );
}
