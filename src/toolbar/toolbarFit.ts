/**
 * The toolbar's compact form, chosen by measurement rather than by window width: a language with
 * longer words (Spanish "Construir · Enseñar · Entrenar · Aprender") needs it at widths where
 * English does not. When the controls overflow, the toolbar gets `toolbar--tight` (arrows for Undo
 * and Redo, "?" for Help, less padding; app.css); it goes back once the window is wider than the
 * full form needed, and is measured afresh when the language changes.
 */
import { type RefObject, useLayoutEffect } from 'react';
import { useLanguage } from '../i18n/i18n.ts';

export function useToolbarFit(ref: RefObject<HTMLElement | null>): void {
  const lang = useLanguage();
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    /** The width the full form needs, known once it has overflowed. */
    let needed = Number.POSITIVE_INFINITY;
    let isTight = false;
    const apply = (next: boolean) => {
      isTight = next;
      // Set on the element itself, not through React state, so the next check measures it at once.
      el.classList.toggle('toolbar--tight', next);
    };
    apply(false);
    const check = () => {
      if (!isTight && el.scrollWidth > el.clientWidth) {
        needed = el.scrollWidth;
        apply(true);
      } else if (isTight && el.clientWidth >= needed) {
        apply(false);
        // The full form may need more room than when it was measured (a longer graph name): check it.
        if (el.scrollWidth > el.clientWidth) {
          needed = el.scrollWidth;
          apply(true);
        }
      }
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, lang]);
}
