/** Play: one step per tick at the chosen speed, until there is nothing left to step. */
import { useEffect } from 'react';
import { teachStore, useTeach } from '../useTeach.ts';

export function usePlayLoop() {
  const playing = useTeach((s) => s.playing);
  const speed = useTeach((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const t = teachStore.getState();
      if (!t.step()) t.setPlaying(false);
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);
}
