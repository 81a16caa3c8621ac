/**
 * A small Markdown reader for lesson text: paragraphs, headings, bullet and numbered lists, code
 * (inline and fenced), **strong**, *emphasis*, links (http/https only) and KaTeX math ($...$ and
 * $$...$$). It returns a tree of plain data that Markdown.tsx turns into React elements, so text
 * from a lesson file is always text: no HTML from the file is ever interpreted.
 */

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'code'; text: string }
  | { t: 'math'; tex: string; display: boolean }
  | { t: 'strong' | 'em'; children: Inline[] }
  | { t: 'link'; href: string; children: Inline[] };

export type Block =
  | { t: 'p'; children: Inline[] }
  | { t: 'h'; level: number; children: Inline[] }
  | { t: 'ul' | 'ol'; items: Inline[][] }
  | { t: 'code'; text: string }
  | { t: 'math'; tex: string };

const BULLET = /^\s*[-*+]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;

export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const endPara = () => {
    if (para.length) {
      const text = para.join('\n').trim();
      const math = /^\$\$([\s\S]+)\$\$$/.exec(text);
      // A paragraph that is one $$...$$ is display math of its own.
      if (math && !math[1].includes('$$')) blocks.push({ t: 'math', tex: math[1].trim() });
      else blocks.push({ t: 'p', children: parseInline(text) });
    }
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*```/.test(line)) {
      endPara();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) code.push(lines[i]);
      blocks.push({ t: 'code', text: code.join('\n') });
      continue;
    }
    if (!line.trim()) {
      endPara();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading && para.length === 0) {
      blocks.push({ t: 'h', level: heading[1].length, children: parseInline(heading[2].trim()) });
      continue;
    }
    const kind = BULLET.test(line) ? 'ul' : NUMBERED.test(line) ? 'ol' : undefined;
    if (kind && !para.some((l) => l.includes('$$') && (l.match(/\$\$/g) ?? []).length % 2 === 1)) {
      endPara();
      const marker = kind === 'ul' ? BULLET : NUMBERED;
      const items: string[][] = [];
      for (; i < lines.length; i++) {
        const l = lines[i];
        if (marker.test(l)) items.push([l.replace(marker, '')]);
        else if (l.trim() && /^\s+/.test(l) && items.length) items[items.length - 1].push(l.trim());
        else break;
      }
      i--;
      blocks.push({ t: kind, items: items.map((it) => parseInline(it.join(' '))) });
      continue;
    }
    para.push(line);
  }
  endPara();
  return blocks;
}

/** Inline Markdown: a left-to-right scan; anything unmatched stays text. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ t: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    // A backslash before punctuation writes it as is (\$ is a dollar sign, \* a star).
    if (ch === '\\' && i + 1 < src.length && /[\\`*_$[\]()#+\-.!]/.test(src[i + 1])) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i) {
        flush();
        out.push({ t: 'code', text: src.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '$') {
      const display = src.startsWith('$$', i);
      const open = display ? 2 : 1;
      const end = closingDollar(src, i + open, display);
      if (end > i + open) {
        flush();
        out.push({ t: 'math', tex: src.slice(i + open, end).trim(), display });
        i = end + open;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && src[i + 1] === ch) {
      const end = src.indexOf(ch + ch, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ t: 'strong', children: parseInline(src.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && src[i + 1] !== ' ' && src[i + 1] !== undefined) {
      // _ inside a word (snake_case) is not emphasis.
      const wordBefore = ch === '_' && /\w/.test(src[i - 1] ?? '');
      const end = wordBefore ? -1 : findClosing(src, ch, i + 1);
      if (end > i + 1) {
        flush();
        out.push({ t: 'em', children: parseInline(src.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const m = /^\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/.exec(src.slice(i));
      if (m) {
        flush();
        out.push({ t: 'link', href: m[2], children: parseInline(m[1]) });
        i += m[0].length;
        continue;
      }
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

/** Where the math opened before `from` closes: the next unescaped $ (or $$). */
function closingDollar(src: string, from: number, display: boolean): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\') {
      j++;
      continue;
    }
    if (src[j] === '$') {
      if (!display) return j;
      if (src[j + 1] === '$') return j;
    }
  }
  return -1;
}

/** The closing single `*` or `_` of emphasis (not one of a pair, not after a space). */
function findClosing(src: string, ch: string, from: number): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\') {
      j++;
      continue;
    }
    if (src[j] === ch && src[j + 1] !== ch && src[j - 1] !== ' ' && (ch !== '_' || !/\w/.test(src[j + 1] ?? ''))) return j;
  }
  return -1;
}
