import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/**
 * The output picture's slot in the panel's docked top: as tall as the panel leaves room for (CSS
 * shrinks it to fit the window), and the picture inside is the largest square that fits, so the
 * loss curve and the picture are both in view while training without scrolling.
 */
export function FitSquare({ children }: { children: (side: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [side, setSide] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSide(Math.max(0, Math.floor(Math.min(el.clientWidth, el.clientHeight))));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div ref={ref} className="train-picture-slot" data-testid="output-picture">
      {side > 0 && children(side)}
    </div>
  );
}
