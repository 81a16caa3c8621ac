/**
 * Models inside PNG images: an iTXt chunk with the keyword "graphgrad" holds the JSON model, so an
 * exported picture of a graph can be dropped back onto the canvas to reopen it (as ComfyUI does).
 * Pure byte work on the PNG chunk list; no canvas, no DOM.
 */
const PNG_KEYWORD = 'graphgrad';
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const isPng = (bytes: Uint8Array) => SIGNATURE.every((b, i) => bytes[i] === b);

interface Chunk {
  type: string;
  start: number; // offset of the length field
  dataStart: number;
  length: number;
}

function chunks(png: Uint8Array): Chunk[] {
  if (!isPng(png)) throw new Error('Not a PNG image.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  for (let p = 8; p + 12 <= png.length; ) {
    const length = view.getUint32(p);
    const type = String.fromCharCode(...png.subarray(p + 4, p + 8));
    out.push({ type, start: p, dataStart: p + 8, length });
    p += 12 + length;
    if (type === 'IEND') break;
  }
  return out;
}

/** An iTXt chunk: keyword, no compression, empty language and translated keyword, UTF-8 text. */
function itxtChunk(keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(enc.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** The PNG with the model text embedded (replacing an earlier GraphGrad chunk), before IEND. */
export function embedModelInPng(png: Uint8Array, modelText: string): Uint8Array {
  const list = chunks(png);
  const iend = list.find((c) => c.type === 'IEND');
  if (!iend) throw new Error('The PNG has no IEND chunk.');
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  for (const c of list) {
    if (c.type === 'IEND') break;
    if (c.type === 'iTXt' && readItxt(png, c)?.keyword === PNG_KEYWORD) continue;
    parts.push(png.subarray(c.start, c.dataStart + c.length + 4));
  }
  parts.push(itxtChunk(PNG_KEYWORD, modelText), png.subarray(iend.start, iend.start + 12));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function readItxt(png: Uint8Array, c: Chunk): { keyword: string; text: string } | undefined {
  const data = png.subarray(c.dataStart, c.dataStart + c.length);
  const k = data.indexOf(0);
  if (k < 0 || data[k + 1] !== 0) return undefined; // compressed iTXt is never written by us
  let p = k + 3; // null, compression flag, method
  p = data.indexOf(0, p) + 1; // language tag
  p = data.indexOf(0, p) + 1; // translated keyword
  const dec = new TextDecoder();
  return { keyword: dec.decode(data.subarray(0, k)), text: dec.decode(data.subarray(p)) };
}

/** The embedded model text, or undefined when the PNG carries none. */
export function extractModelFromPng(png: Uint8Array): string | undefined {
  for (const c of chunks(png)) {
    if (c.type !== 'iTXt') continue;
    const t = readItxt(png, c);
    if (t?.keyword === PNG_KEYWORD) return t.text;
  }
  return undefined;
}
