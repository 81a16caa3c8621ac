/** → steps, ← steps back, Space plays/pauses; and the play loop itself. */
import { useEffect } from 'react';
import { teachStore, useTeach } from '../useTeach.ts';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.tagName === 'INPUT';
}

export function useTeachKeys() {
  const playing = useTeach((s) => s.playing);
  const speed = useTeach((s) => s.speed);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const t = teachStore.getState();
      if (e.key === 'ArrowRight') {
        t.setPlaying(false);
        t.step();
      } else if (e.key === 'ArrowLeft') {
        t.setPlaying(false);
        t.stepBack();
      } else if (e.key === ' ' || e.code === 'Space') {
        t.setPlaying(!t.playing);
      } else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const t = teachStore.getState();
      if (!t.step()) t.setPlaying(false);
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);
}
