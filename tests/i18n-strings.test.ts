/**
 * Every string the app displays comes from a message catalog (src/i18n/catalog), and every
 * catalog has every key. The scan (tests/support/displayStrings.ts) reads the source as a parser
 * does; a failure lists `file:line: text` so the fix is to move that text into the area's catalog
 * and look it up with t('area.key').
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/catalog/en/index.ts';
import { es } from '../src/i18n/catalog/es/index.ts';
import { displayStringsOf } from './support/displayStrings.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'src'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$|\.d\.ts$|^src\/i18n\/catalog\//.test(f));

/** The area a file belongs to: its folder under src/ (src/modes/<mode> for modes). */
const areaOf = (f: string) =>
  f
    .split('/')
    .slice(0, f.startsWith('src/modes/') ? 3 : 2)
    .join('/');
const areas = [...new Set(sources.map(areaOf))].sort();

describe('display strings', () => {
  it.each(areas)('%s shows no text outside the catalogs', (area) => {
    const found = sources.filter((f) => areaOf(f) === area).flatMap((f) => displayStringsOf(`${root}/${f}`).map((s) => `${f}:${s.line}: ${s.text}`));
    expect(found).toEqual([]);
  });

  it('shows numbers through Intl: no app module formats them with the engine’s English-only formatNumber', () => {
    const engineFormat = /import \{[^}]*\bformatNumber\b[^}]*\} from '[./]*graph-engine\/index\.ts'/;
    const offenders = sources.filter((f) => engineFormat.test(readFileSync(`${root}/${f}`, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  const english = flatten(en as unknown as Tree);
  const spanish = flatten(es as unknown as Tree);

  it('Spanish has exactly the English keys', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('every Spanish string is filled in and fills the same {{placeholders}} as the English', () => {
    const wrong = [...english]
      .filter(([k, v]) => !spanish.get(k)?.trim() || placeholders(spanish.get(k) ?? '').join() !== placeholders(v).join())
      .map(([k]) => k);
    expect(wrong).toEqual([]);
  });
});
