/**
 * Lesson text on screen: the tree from markdown.ts as React elements (text is always text), with
 * math typeset by KaTeX (trust: false, so \href and the like are refused; errors show as text).
 */
import { useMemo, type ReactNode } from 'react';
import { useKatexHtml } from '../../ui/katex.ts';
import { parseInline, parseMarkdown, type Block, type Inline } from './markdown.ts';

export function Markdown({ text, inline = false }: { text: string; inline?: boolean }) {
  const tree = useMemo(() => (inline ? undefined : parseMarkdown(text)), [text, inline]);
  const spans = useMemo(() => (inline ? parseInline(text) : undefined), [text, inline]);
  // data-i18n-content: a lesson's own words, in its author's language (tests/e2e/i18n-leaks.spec.ts).
  if (spans) return <span data-i18n-content="">{inlines(spans)}</span>;
  return (
    <div className="md" data-i18n-content="">
      {tree!.map(block)}
    </div>
  );
}

function block(b: Block, key: number): ReactNode {
  switch (b.t) {
    case 'p':
      return <p key={key}>{inlines(b.children)}</p>;
    case 'h':
      return b.level <= 2 ? <h4 key={key}>{inlines(b.children)}</h4> : <h5 key={key}>{inlines(b.children)}</h5>;
    case 'ul':
    case 'ol': {
      const items = b.items.map((it, i) => <li key={i}>{inlines(it)}</li>);
      return b.t === 'ul' ? <ul key={key}>{items}</ul> : <ol key={key}>{items}</ol>;
    }
    case 'code':
      return (
        <pre key={key}>
          <code>{b.text}</code>
        </pre>
      );
    case 'math':
      return <TexMath key={key} tex={b.tex} display />;
  }
}

function inlines(xs: Inline[]): ReactNode[] {
  return xs.map((x, i) => {
    switch (x.t) {
      case 'text':
        return x.text;
      case 'code':
        return <code key={i}>{x.text}</code>;
      case 'math':
        return <TexMath key={i} tex={x.tex} display={x.display} />;
      case 'strong':
        return <strong key={i}>{inlines(x.children)}</strong>;
      case 'em':
        return <em key={i}>{inlines(x.children)}</em>;
      case 'link':
        return (
          <a key={i} href={x.href} target="_blank" rel="noopener noreferrer">
            {inlines(x.children)}
          </a>
        );
    }
  });
}

/** TeX typeset by KaTeX once it has loaded; the TeX itself (as text) until then. */
function TexMath({ tex, display }: { tex: string; display: boolean }) {
  const html = useKatexHtml(tex, display);
  const cls = display ? 'md-math md-math--display' : 'md-math';
  return html ? (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's own markup, typeset with trust: false (no \href, \html*, \url); the lesson's text never reaches the DOM as HTML
    <span className={cls} role="math" aria-label={tex} dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <code className={`${cls} md-math--loading`}>{tex}</code>
  );
}
