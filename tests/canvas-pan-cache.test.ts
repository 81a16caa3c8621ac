// The pan cache (src/canvas/panCache.ts): a layer drawn for one view, copied at the offset it
// gives, puts every flow point where drawing the new view directly would, and covers the view.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyOffset, layerFor, layerMargin } from '../src/canvas/panCache.ts';

const view = fc.tuple(
  fc.double({ min: -1e5, max: 1e5, noNaN: true }),
  fc.double({ min: -1e5, max: 1e5, noNaN: true }),
  fc.double({ min: 0.02, max: 2.5, noNaN: true }),
);
const size = fc.tuple(fc.integer({ min: 100, max: 3000 }), fc.integer({ min: 100, max: 2000 }));

describe('panning copies a layer drawn once', () => {
  it('puts each flow point where a direct drawing of the panned view would, and covers the view', () => {
    fc.assert(
      fc.property(
        view,
        size,
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
        ([tx, ty, zoom], [width, height], fx, fy, [px, py]) => {
          const scene = [{}];
          const layer = layerFor([tx, ty, zoom], width, height, scene);
          // Panned by up to half the view each way (the margin).
          const pan: [number, number, number] = [tx + fx * width * 0.5, ty + fy * height * 0.5, zoom];
          const at = copyOffset(layer, pan, width, height, scene);
          expect(at).toBeDefined();
          // In the layer, drawn with its transform; on screen, shifted by the copy offset.
          const inLayer = { x: px * zoom + layer.drawTransform[0], y: py * zoom + layer.drawTransform[1] };
          const direct = { x: px * zoom + pan[0], y: py * zoom + pan[1] };
          expect(inLayer.x + at!.x).toBeCloseTo(direct.x, 6);
          expect(inLayer.y + at!.y).toBeCloseTo(direct.y, 6);
          // The layer reaches over the whole view.
          expect(at!.x).toBeLessThanOrEqual(0);
          expect(at!.y).toBeLessThanOrEqual(0);
          expect(at!.x + layer.layerWidth).toBeGreaterThanOrEqual(width);
          expect(at!.y + layer.layerHeight).toBeGreaterThanOrEqual(height);
        },
      ),
    );
  });

  it('draws again for another zoom, size or scene, or a pan past the margin', () => {
    const nodes = [{ id: 'a' }];
    const layer = layerFor([10, 20, 0.5], 800, 600, [nodes, 'colours']);
    expect(copyOffset(layer, [10, 20, 0.5], 800, 600, [nodes, 'colours'])).toEqual({ x: -400, y: -300 });
    expect(copyOffset(layer, [10, 20, 0.51], 800, 600, [nodes, 'colours'])).toBeUndefined();
    expect(copyOffset(layer, [10, 20, 0.5], 801, 600, [nodes, 'colours'])).toBeUndefined();
    // The same nodes edited: another array, so another drawing (a value, a selection).
    expect(copyOffset(layer, [10, 20, 0.5], 800, 600, [[...nodes], 'colours'])).toBeUndefined();
    expect(copyOffset(layer, [10 + 400, 20, 0.5], 800, 600, [nodes, 'colours'])).toEqual({ x: 0, y: -300 });
    expect(copyOffset(layer, [10 + 401, 20, 0.5], 800, 600, [nodes, 'colours'])).toBeUndefined();
    expect(copyOffset(layer, [10, 20 - 301, 0.5], 800, 600, [nodes, 'colours'])).toBeUndefined();
    expect(copyOffset(undefined, [10, 20, 0.5], 800, 600, [nodes, 'colours'])).toBeUndefined();
  });
});

describe('layerMargin', () => {
  it('keeps a layer within the 16.7-million-pixel canvas Safari draws, counting device pixels', () => {
    const pixels = (w: number, h: number, r: number) => {
      const m = layerMargin(w, h, r);
      if (m === undefined) return undefined;
      const layer = layerFor([0, 0, 1], w, h, [], m);
      return layer.layerWidth * layer.layerHeight * r * r;
    };
    // 1400×860 at ratio 1: the full half-view margin, a 2800×1720 layer (4.8 M pixels).
    expect(layerMargin(1400, 860, 1)).toBe(0.5);
    // At ratio 2 a full margin would be 19.3 M device pixels: a smaller one, under 16 M.
    expect(layerMargin(1400, 860, 2)).toBeLessThan(0.5);
    expect(pixels(1400, 860, 2)).toBeLessThanOrEqual(16_000_000);
    // 1920×1080 at ratio 2 (33 M with a full margin) gets a thinner layer, within the limit.
    expect(layerMargin(1920, 1080, 2)).toBeGreaterThanOrEqual(0.1);
    expect(pixels(1920, 1080, 2)).toBeLessThanOrEqual(16_000_000);
    // 2560×1440 at ratio 2 is 14.7 M device pixels for the view alone: no layer, drawn directly.
    expect(layerMargin(2560, 1440, 2)).toBeUndefined();
  });
});
