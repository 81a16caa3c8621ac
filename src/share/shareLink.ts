/**
 * Share links: the whole model (weights included), deflated and base64url-encoded into the URL
 * fragment, `#model=...`. The fragment never reaches a server. Opening a link validates it exactly
 * like opening a file. Uses the platform's CompressionStream (browsers, workers, Node 18+).
 */
import { MAX_MODEL_BYTES, validateModelText, type Model, type Validated } from '../../graph-engine/index.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';

const SHARE_PARAM = 'model';
/** Longest link we hand out: chat apps, mail clients and some browsers cut longer URLs. */
export const MAX_LINK_LENGTH = 32_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The fragment for a model, e.g. `#model=...`. Compact JSON: whitespace only costs link length. */
export async function encodeShareFragment(model: Model): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(model));
  return `#${SHARE_PARAM}=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

export type ShareLink = { ok: true; url: string } | { ok: false; length: number; message: string };

export async function shareLink(model: Model, base: string): Promise<ShareLink> {
  const url = `${base.replace(/#.*$/, '')}${await encodeShareFragment(model)}`;
  if (url.length <= MAX_LINK_LENGTH) return { ok: true, url };
  return {
    ok: false,
    length: url.length,
    message: t('share.link.tooLong', { length: url.length.toLocaleString(currentLanguage()), limit: MAX_LINK_LENGTH.toLocaleString(currentLanguage()) }),
  };
}

/** Whether a URL fragment carries a model. */
export const hasSharedModel = (hash: string) => new RegExp(`^#${SHARE_PARAM}=`).test(hash);

/**
 * Inflates `bytes`, reading no more than `limit` bytes of output: a small link can hold a huge
 * model (deflate packs a run of one character about 1,000 to 1), so the size check cannot wait
 * until everything is inflated. Gives undefined as soon as the output would pass the limit.
 */
async function inflateAtMost(bytes: Uint8Array, limit: number): Promise<Uint8Array | undefined> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Decodes and validates a fragment; a broken link gets a message, never an exception. */
export async function decodeShareFragment(hash: string): Promise<Validated> {
  const payload = hash.replace(new RegExp(`^#${SHARE_PARAM}=`), '');
  let bytes: Uint8Array | undefined;
  try {
    bytes = await inflateAtMost(fromBase64Url(payload), MAX_MODEL_BYTES);
  } catch {
    // Only the platform's base64 and inflate run in here, on bytes from the URL. How they say the
    // bytes are damaged differs (a DOMException from atob, a TypeError from browsers' inflate, a
    // zlib Error in Node), and every one of those means this: so anything caught here is that.
    return { problems: [{ message: t('share.link.damaged') }] };
  }
  if (!bytes) {
    return {
      problems: [{ message: t('share.link.modelTooLarge', { mb: MAX_MODEL_BYTES / 1024 / 1024 }) }],
    };
  }
  return validateModelText(new TextDecoder().decode(bytes), { allowIncomplete: true });
}

const LESSON_PARAM = 'lesson';

/** The fragment for a lesson, `#lesson=...`: its JSON deflated and base64url-encoded, as models are. */
export async function encodeLessonFragment(lessonJson: string): Promise<string> {
  return `#${LESSON_PARAM}=${toBase64Url(await pipe(new TextEncoder().encode(lessonJson), new CompressionStream('deflate-raw')))}`;
}

/** Whether a URL fragment carries a lesson. */
export const hasSharedLesson = (hash: string) => new RegExp(`^#${LESSON_PARAM}=`).test(hash);

/** The lesson text a `#lesson=` fragment carries (to be validated as a lesson file is), or why it cannot be read. */
export async function decodeLessonFragment(hash: string): Promise<{ text?: string; problem?: string }> {
  try {
    const bytes = await inflateAtMost(fromBase64Url(hash.replace(new RegExp(`^#${LESSON_PARAM}=`), '')), MAX_MODEL_BYTES);
    if (!bytes) return { problem: t('share.link.lessonTooLarge', { mb: MAX_MODEL_BYTES / 1024 / 1024 }) };
    return { text: new TextDecoder().decode(bytes) };
  } catch {
    // As for models: only base64 and inflate run here, and any failure means the link is damaged.
    return { problem: t('share.link.lessonDamaged') };
  }
}
