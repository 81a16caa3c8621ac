/**
 * KaTeX, loaded on first use (it is large), with its options declared once for every place that
 * typesets: trust: false (no \href, \url, \html*: TeX from a file can never become links or
 * markup), errors shown in place rather than thrown, and macro expansion capped so a hostile
 * formula cannot hang the tab.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLanguage } from '../i18n/i18n.ts';
import { localizeTex } from '../i18n/format.ts';

type Katex = typeof import('katex');
let katexPromise: Promise<Katex> | undefined;
/** KaTeX once loaded: later formulas typeset in the same render, with no frame of raw TeX. */
let katexLoaded: Katex | undefined;

function loadKatex(): Promise<Katex> {
  katexPromise ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([k]) => {
    katexLoaded = (k as unknown as { default: Katex }).default ?? k;
    return katexLoaded;
  });
  return katexPromise;
}

const typeset = (katex: Katex, tex: string, display: boolean) =>
  katex.renderToString(tex, { trust: false, throwOnError: false, displayMode: display, strict: 'ignore', maxExpand: 200 });

/**
 * KaTeX's markup for `tex`, with the current language's decimal separator, or undefined until
 * KaTeX has loaded (show the TeX as text meanwhile).
 */
export function useKatexHtml(tex: string, display: boolean): string | undefined {
  const [loaded, setLoaded] = useState(katexLoaded);
  const lang = useLanguage();
  useEffect(() => {
    if (loaded) return;
    let cancelled = false;
    void loadKatex().then((katex) => {
      if (!cancelled) setLoaded(katex);
    });
    return () => {
      cancelled = true;
    };
  }, [loaded]);
  return useMemo(() => (loaded ? typeset(loaded, localizeTex(tex, lang), display) : undefined), [loaded, tex, display, lang]);
}
