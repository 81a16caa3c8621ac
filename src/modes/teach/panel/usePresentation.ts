/** Presentation: larger text and cards (CSS on <html>), and the whole graph fitted to the screen (again on resize). */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { canvasApi } from '../../../canvas/canvasApi.ts';
import { PRESENTATION_FIT } from '../canvasOverlay.tsx';
import { useTeach } from '../useTeach.ts';

export function usePresentation() {
  const on = useTeach((s) => s.presentation);
  const flow = useReactFlow();
  useEffect(() => {
    document.documentElement.classList.toggle('teach-presentation', on);
    // Fit once the cards have been re-measured at their new size, and again a little later for slow layouts.
    const fit = () => (on ? void flow.fitView({ ...PRESENTATION_FIT, duration: 150 }) : canvasApi()?.fitView(150));
    const timers = [setTimeout(fit, 80), setTimeout(fit, 400)];
    let resize: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(resize);
      resize = setTimeout(fit, 120);
    };
    if (on) window.addEventListener('resize', onResize);
    return () => {
      timers.forEach(clearTimeout);
      clearTimeout(resize);
      window.removeEventListener('resize', onResize);
      document.documentElement.classList.remove('teach-presentation');
    };
  }, [on, flow]);
}
