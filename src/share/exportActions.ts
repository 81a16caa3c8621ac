/**
 * Taking the graph out of the editor: share link, PNG / SVG pictures (the PNG carries the model),
 * ONNX and PyTorch files. Exporters and html-to-image load on first use, so they cost nothing at
 * start-up.
 */
import { copyText } from '../ui/copyText.ts';
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { ensureDataset, ONNX_OPSET, serializeModel, type Model } from '../../graph-engine/index.ts';
import { editorStore } from '../store/useEditor.ts';
import { fileNameFor } from '../io/files.ts';
import { embedModelInPng } from './pngModel.ts';
import { shareLink } from './shareLink.ts';
import { canvasApi } from '../canvas/canvasApi.ts';
import { t } from '../i18n/i18n.ts';

export type ImageArea = 'view' | 'graph';

const stem = (model: Model) => fileNameFor(model).replace(/\.json$/, '');

function download(data: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Puts a link holding the whole model in the clipboard, or explains why it cannot. */
export async function copyShareLink(): Promise<string | undefined> {
  const store = editorStore.getState();
  const r = await shareLink(store.model, location.href);
  if (!r.ok) {
    store.notify('error', t('share.notice.tooLargeForLink'), [r.message]);
    return undefined;
  }
  history.replaceState(null, '', r.url);
  // Whatever stops the clipboard, the link is already in the address bar, and the notice says so.
  if (await copyText(r.url)) store.notify('info', t('share.notice.linkCopied'));
  else store.notify('info', t('share.notice.linkInAddressBar'));
  return r.url;
}

/** Pictures skip the canvas chrome: minimap, zoom controls, attribution, handles' hit areas. */
const CHROME = ['react-flow__minimap', 'react-flow__controls', 'react-flow__panel', 'react-flow__attribution'];
const keep = (node: HTMLElement) => !CHROME.some((c) => node.classList?.contains(c));

async function render(kind: 'png' | 'svg', area: ImageArea, nodes: Node[]): Promise<string> {
  const { toPng, toSvg } = await import('html-to-image');
  const flow = document.querySelector<HTMLElement>('.react-flow');
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !viewport) throw new Error(t('share.notice.canvasNotOnScreen'));
  const background = getComputedStyle(flow).getPropertyValue('--canvas-bg').trim() || getComputedStyle(document.body).backgroundColor;
  const draw = kind === 'png' ? toPng : toSvg;
  if (area === 'view') return withInlineEdgeStyles(() => draw(flow, { backgroundColor: background, filter: keep, pixelRatio: 2 }));
  // The whole graph: the viewport re-framed around every node, whatever is on screen now, with
  // every card mounted and drawn at the detail its scale in the picture calls for.
  const bounds = getNodesBounds(nodes);
  const pad = 40;
  const width = Math.min(Math.max(Math.ceil(bounds.width) + 2 * pad, 320), 8000);
  const height = Math.min(Math.max(Math.ceil(bounds.height) + 2 * pad, 200), 8000);
  const vp = getViewportForBounds(bounds, width, height, 0.1, 2, pad / Math.max(width, height));
  const capture = () =>
    withInlineEdgeStyles(() =>
      draw(viewport, {
        backgroundColor: background,
        width,
        height,
        pixelRatio: 2,
        filter: keep,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
      }),
    );
  const canvas = canvasApi();
  return canvas ? canvas.withWholeGraph(vp.zoom, capture) : capture();
}

/**
 * Edges get their stroke from stylesheet rules, which html-to-image does not carry into SVG
 * children: without this the picture has cards and no wires. Inline the computed stroke for the
 * duration of the capture, then put the attributes back as they were.
 */
async function withInlineEdgeStyles<T>(capture: () => Promise<T>): Promise<T> {
  const paths = [...document.querySelectorAll<SVGElement>('.react-flow__edge path, .react-flow__edge-path')];
  const before = paths.map((p) => p.getAttribute('style'));
  for (const p of paths) {
    const cs = getComputedStyle(p);
    p.style.stroke = cs.stroke;
    p.style.strokeWidth = cs.strokeWidth;
    p.style.strokeDasharray = cs.strokeDasharray;
    p.style.fill = cs.fill;
    p.style.opacity = cs.opacity;
  }
  try {
    return await capture();
  } finally {
    paths.forEach((p, i) => (before[i] === null ? p.removeAttribute('style') : p.setAttribute('style', before[i]!)));
  }
}

/** Downloads a picture of the graph; the PNG embeds the model so dropping it back reopens it. */
export async function exportImage(kind: 'png' | 'svg', area: ImageArea, nodes: Node[]): Promise<void> {
  const store = editorStore.getState();
  // Copying cards into a picture takes about 3 s per 100 (html-to-image reads each element's style).
  if (nodes.length > 100) store.notify('info', t('share.notice.drawing', { n: nodes.length, kind: kind.toUpperCase() }));
  try {
    const url = await render(kind, area, nodes);
    const name = `${stem(store.model)}.${kind}`;
    if (kind === 'svg') {
      download(decodeURIComponent(url.slice(url.indexOf(',') + 1)), name, 'image/svg+xml');
      return;
    }
    const png = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
    download(embedModelInPng(png, serializeModel(store.model)) as BlobPart, name, 'image/png');
  } catch (e) {
    store.notify('error', t('share.notice.imageFailed', { kind: kind.toUpperCase() }), [(e as Error).message]);
  }
}

export async function exportOnnxFile(): Promise<void> {
  const store = editorStore.getState();
  try {
    const { exportOnnx } = await import('../../graph-engine/export/onnx.ts');
    const r = exportOnnx(store.model);
    download(r.bytes as BlobPart, `${stem(store.model)}.onnx`, 'application/octet-stream');
    store.notify(
      'info',
      t('share.notice.onnxSaved', { opset: ONNX_OPSET, inputs: r.inputs.join(', ') || t('share.notice.noInputs'), outputs: r.outputs.join(', ') }),
    );
  } catch (e) {
    store.notify('error', t('share.notice.onnxFailed'), (e as Error).message.split('\n'));
  }
}

export async function exportPytorchFile(): Promise<void> {
  const store = editorStore.getState();
  try {
    const { exportPytorch } = await import('../../graph-engine/export/pytorch.ts');
    await ensureDataset(store.model.training?.dataset); // a real data set's rows go into the script
    download(exportPytorch(store.model), `${stem(store.model)}.py`, 'text/x-python');
    store.notify('info', t('share.notice.pytorchSaved'));
  } catch (e) {
    store.notify('error', t('share.notice.pytorchFailed'), (e as Error).message.split('\n'));
  }
}
