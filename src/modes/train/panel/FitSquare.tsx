import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/**
 * The output picture's slot in the panel's docked top: as tall as the panel leaves room for (CSS
 * shrinks it to fit the window), and the picture inside is the largest square that fits, so the
 * loss curve and the picture are both in view while training without scrolling. A picture that
 * need not be square (a fit plot) can take the slot's whole width and height instead.
 */
export function FitSquare({ children }: { children: (side: number, slot: { width: number; height: number }) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [slot, setSlot] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () =>
      setSlot((was) => (was.width === el.clientWidth && was.height === el.clientHeight ? was : { width: el.clientWidth, height: el.clientHeight }));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const side = Math.floor(Math.min(slot.width, slot.height));
  return (
    <div ref={ref} className="train-picture-slot" data-testid="output-picture">
      {side > 0 && children(side, slot)}
    </div>
  );
}
