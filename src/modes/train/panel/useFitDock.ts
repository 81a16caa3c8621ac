import { type RefObject, useLayoutEffect } from 'react';

/** Below this the picture stops shrinking and the panel scrolls instead. */
const MIN_PICTURE = 150;

/**
 * Sizes the output picture so the panel's docked top (controls, loss curve, picture) fits the
 * panel's height: the room left over is written to `--picture-room` on the dock, which the
 * picture's slot takes as its height. Measured on each resize of the panel or of the dock's
 * content (an alert, a wrapped line), a frame later so a change never feeds back into itself.
 */
export function useFitDock(aside: RefObject<HTMLElement | null>, dock: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const a = aside.current;
    const d = dock.current;
    if (!a || !d) return;
    let frame = 0;
    const fit = () => {
      frame = 0;
      const slot = d.querySelector<HTMLElement>('.train-picture-slot');
      if (!slot) return;
      const top = Number.parseFloat(getComputedStyle(a).paddingTop) || 0;
      const room = Math.max(MIN_PICTURE, Math.floor(a.clientHeight - top - (d.offsetHeight - slot.offsetHeight)));
      const value = `${room}px`;
      if (d.style.getPropertyValue('--picture-room') !== value) d.style.setProperty('--picture-room', value);
    };
    const observer = new ResizeObserver(() => {
      if (!frame) frame = requestAnimationFrame(fit);
    });
    observer.observe(a);
    observer.observe(d);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [aside, dock]);
}
