import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatFixed } from '../fixedNumber.ts';
import { trainController as ctl } from '../appController.ts';
import { blockCounts, classOutputs, PAD_SCALE, rasterize, type Stroke } from '../digitPad.ts';
import { useTrain } from '../trainStore.ts';
import { Section } from './Section.tsx';

/** The pad's side in CSS pixels. */
const PAD_PX = 150;
const PIXELS = 64;

/**
 * "Draw a digit": shown while the data set is 8×8 digits whose pixels p0..p63 feed the model.
 * What is drawn goes to the model's pixel inputs (in the data set's own scale) and is shown on the
 * canvas; the bars are the model's outputs for it, read from the canvas preview.
 */
export function DigitPadSection() {
  const { t } = useTranslation();
  const name = useTrain((s) => (s.dataset.kind === 'builtin' ? s.dataset.name : ''));
  const binding = useTrain((s) => s.binding);
  const scale = Object.hasOwn(PAD_SCALE, name) ? PAD_SCALE[name] : undefined;
  // Node id per pixel, p0..p63, from the binding (the model may name its inputs otherwise).
  const pixelNodes = useMemo(() => {
    const byColumn = new Map((binding?.rows ?? []).filter((r) => r.column && r.role !== 'target').map((r) => [r.column!, r.nodeId]));
    return Array.from({ length: PIXELS }, (_, i) => byColumn.get(`p${i}`));
  }, [binding]);
  if (scale === undefined || pixelNodes.some((id) => id === undefined)) return null;
  return (
    <Section id="pad" title={t('train.digits.title')}>
      {/* A new data set (another scale) starts a clean pad. */}
      <DigitPad key={name} scale={scale} pixelNodes={pixelNodes as string[]} />
    </Section>
  );
}

function DigitPad({ scale, pixelNodes }: { scale: number; pixelNodes: string[] }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<{ x: number; y: number }[][]>([]);
  const drawing = useRef(false);
  const frame = useRef(0);
  const [pixels, setPixels] = useState<number[]>();

  const paint = () => {
    const c = canvasRef.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== PAD_PX * dpr) c.width = c.height = PAD_PX * dpr;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.fillStyle = '#fff';
    g.fillRect(0, 0, PAD_PX, PAD_PX);
    g.strokeStyle = '#111';
    g.fillStyle = '#111';
    g.lineWidth = PAD_PX * 0.08;
    g.lineCap = g.lineJoin = 'round';
    for (const s of strokes.current) {
      g.beginPath();
      g.moveTo(s[0].x * PAD_PX, s[0].y * PAD_PX);
      for (const p of s) g.lineTo(p.x * PAD_PX, p.y * PAD_PX);
      if (s.length === 1) g.lineTo(s[0].x * PAD_PX + 0.01, s[0].y * PAD_PX);
      g.stroke();
    }
  };

  /** Once per frame: repaint, downsample, and send the pixels to the canvas preview. */
  const update = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      paint();
      const drawn: readonly Stroke[] = strokes.current;
      if (!drawn.length) return;
      const px = blockCounts(rasterize(drawn), scale);
      setPixels(px);
      void ctl.setSampleInputs(Object.fromEntries(pixelNodes.map((id, i) => [id, px[i]])));
    });
  };

  const clear = () => {
    strokes.current = [];
    setPixels(undefined);
    void ctl.setSampleInputs(undefined);
    update();
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: paint once on mount; leaving gives the canvas back to the data row
  useEffect(() => {
    paint();
    return () => {
      cancelAnimationFrame(frame.current);
      void ctl.setSampleInputs(undefined);
    };
  }, []);

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: (e.clientX - r.left) / r.width, y: (e.clientY - r.top) / r.height };
  };

  return (
    <div className="digit-pad">
      <div className="digit-pad__left">
        <canvas
          ref={canvasRef}
          className="digit-pad__canvas"
          style={{ width: PAD_PX, height: PAD_PX }}
          aria-label={t('train.digits.pad')}
          role="img"
          data-testid="digit-pad"
          onPointerDown={(e) => {
            e.preventDefault();
            e.currentTarget.setPointerCapture(e.pointerId);
            drawing.current = true;
            strokes.current.push([at(e)]);
            update();
          }}
          onPointerMove={(e) => {
            if (!drawing.current) return;
            strokes.current.at(-1)!.push(at(e));
            update();
          }}
          onPointerUp={() => (drawing.current = false)}
          onPointerCancel={() => (drawing.current = false)}
        />
        <div className="digit-pad__row">
          <button type="button" className="train-btn" onClick={clear} disabled={!pixels}>
            {t('train.digits.clear')}
          </button>
          <SeenPixels pixels={pixels} scale={scale} />
        </div>
      </div>
      <ClassBars drawn={!!pixels} />
    </div>
  );
}

/** The 8×8 inputs the network is given, grey by ink. */
function SeenPixels({ pixels, scale }: { pixels?: number[]; scale: number }) {
  const { t } = useTranslation();
  return (
    <div className="digit-pad__seen" role="img" aria-label={t('train.digits.seen')} title={t('train.digits.seen')}>
      {Array.from({ length: PIXELS }, (_, i) => (
        <span key={i} style={{ opacity: pixels ? pixels[i] / scale : 0 }} />
      ))}
    </div>
  );
}

/** The model's ten outputs for the shown sample: confidences (softmax outputs) or, without a softmax, scores. */
function ClassBars({ drawn }: { drawn: boolean }) {
  const { t } = useTranslation();
  const percent = new Intl.NumberFormat(currentLanguage(), { style: 'percent', maximumFractionDigits: 0 });
  const preview = useTrain((s) => s.preview);
  const row = useTrain((s) => s.sampleIndex);
  const out = classOutputs(preview);
  const values = out?.values ?? [];
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const top = finite.length ? values.indexOf(hi) : -1;
  return (
    <div className="digit-bars">
      <p className="digit-bars__title">{out?.probabilities === false ? t('train.digits.scores') : t('train.digits.confidence')}</p>
      {values.map((v, k) => {
        const share = out!.probabilities ? v : hi > lo ? (v - lo) / (hi - lo) : 0;
        const pct = Number.isFinite(share) ? Math.round(share * 100) : 0;
        const text = !Number.isFinite(v) ? '–' : out!.probabilities ? percent.format(pct / 100) : formatFixed(v, 2);
        return (
          <div
            key={k}
            className={`digit-bars__row${k === top ? ' is-top' : ''}`}
            role="meter"
            aria-label={t('train.digits.digit', { digit: k })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            aria-valuetext={text}
          >
            <span className="digit-bars__digit">{k}</span>
            <span className="digit-bars__track">
              <span className="digit-bars__bar" style={{ width: `${pct}%` }} />
            </span>
            <span className="digit-bars__pct">{text}</span>
          </div>
        );
      })}
      <p className="muted digit-bars__note">{drawn ? t('train.digits.forDrawing') : t('train.digits.forRow', { row })}</p>
    </div>
  );
}
