// Share links (model in the URL fragment) and PNGs carrying the model: round trips and refusals.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { ensureOpsFor, serializeModel, type Model } from '../graph-engine/index.ts';
import { decodeShareFragment, encodeShareFragment, hasSharedModel, MAX_LINK_LENGTH, shareLink } from '../src/share/shareLink.ts';
import { crc32, embedModelInPng, extractModelFromPng, isPng } from '../src/share/pngModel.ts';

const dir = new URL('../samples/', import.meta.url);
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Model] as const);

describe.each(samples)('share link of samples/%s', (_f, m) => {
  it('round-trips the whole model, weights included', async () => {
    await ensureOpsFor(m);
    const hash = await encodeShareFragment(m);
    expect(hasSharedModel(hash)).toBe(true);
    expect(hash).toMatch(/^#model=[A-Za-z0-9_-]+$/);
    const back = await decodeShareFragment(hash);
    expect(back.problems).toEqual([]);
    expect(serializeModel(back.model!)).toBe(serializeModel(m));
  });
});

describe('share links', () => {
  it('a damaged link says so', async () => {
    const hash = await encodeShareFragment(samples[0][1]);
    const r = await decodeShareFragment(hash.slice(0, 30));
    expect(r.model).toBeUndefined();
    expect(r.problems[0].message).toMatch(/share link is damaged/);
  });
  it('a link to an invalid model is validated like a file', async () => {
    const bad = {
      format: 'graphgrad',
      version: 1,
      nodes: [
        { id: 'p', op: 'exp' },
        { id: 'q', op: 'neg' },
      ],
      edges: [
        { source: 'p', target: 'q', port: 0 },
        { source: 'q', target: 'p', port: 0 },
      ],
    } as Model;
    const r = await decodeShareFragment(await encodeShareFragment(bad));
    expect(r.problems.map((p) => p.message)).toContainEqual('The graph has a cycle: "p" -> "q" -> "p". A computational graph must be acyclic.');
  });
  it('a link that inflates past 20 MB is refused with the size, without inflating it all', async () => {
    // 60 MB of one repeated character deflates about 1,000 to 1: a link of some 80 KB.
    const bomb = deflateRawSync(Buffer.alloc(60 * 1024 * 1024, ' '), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const hash = `#model=${bomb.toString('base64url')}`;
    const r = await decodeShareFragment(hash);
    expect(r.model).toBeUndefined();
    expect(r.problems.map((p) => p.message)).toEqual(['The model in this share link is larger than 20 MB, the most GraphGrad opens. Nothing was changed.']);
  });
  it('a model too big for a link is refused with the reason', async () => {
    // Random weights do not compress: 6,000 of them make a link well over the limit.
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const nodes = Array.from({ length: 6000 }, (_, i) => ({ id: `w${i}`, op: 'param', value: rnd() }));
    const r = await shareLink({ format: 'graphgrad', version: 1, nodes, edges: [] }, 'http://127.0.0.1:4173/');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.length).toBeGreaterThan(MAX_LINK_LENGTH);
      expect(r.message).toMatch(/too long to share safely .* Save it as a file instead\./);
    }
    const ok = await shareLink(samples[0][1], 'http://127.0.0.1:4173/?sample=x#old');
    expect(ok.ok && ok.url.startsWith('http://127.0.0.1:4173/?sample=x#model=')).toBe(true);
  });
});

// A 1x1 PNG (signature, IHDR, IDAT, IEND).
const tinyPng = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

describe('PNG with an embedded model', () => {
  it('computes PNG chunk CRCs (IEND is AE426082)', () => {
    expect(crc32(new TextEncoder().encode('IEND')).toString(16)).toBe('ae426082');
  });
  it('embeds and extracts the model, keeping the image valid', () => {
    const text = serializeModel(samples[0][1]);
    const png = embedModelInPng(tinyPng, text);
    expect(isPng(png)).toBe(true);
    expect(png.length).toBeGreaterThan(tinyPng.length + text.length);
    expect(extractModelFromPng(png)).toBe(text);
    // the image chunks are unchanged and IEND stays last
    expect(png.subarray(0, tinyPng.length - 12)).toEqual(tinyPng.subarray(0, tinyPng.length - 12));
    expect(new TextDecoder().decode(png.subarray(png.length - 8, png.length - 4))).toBe('IEND');
  });
  it('replaces an earlier embedded model instead of stacking them; unicode survives', () => {
    const once = embedModelInPng(tinyPng, '{"a": "σ·x"}');
    const twice = embedModelInPng(once, '{"b": 2}');
    expect(extractModelFromPng(twice)).toBe('{"b": 2}');
    expect(extractModelFromPng(once)).toBe('{"a": "σ·x"}');
    expect(twice.length).toBe(embedModelInPng(tinyPng, '{"b": 2}').length);
  });
  it('a PNG without a model gives undefined, and non-PNG bytes are refused', () => {
    expect(extractModelFromPng(tinyPng)).toBeUndefined();
    expect(() => extractModelFromPng(new Uint8Array([1, 2, 3]))).toThrow('Not a PNG image.');
  });
});
