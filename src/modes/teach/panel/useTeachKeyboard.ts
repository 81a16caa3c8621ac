/** Teach mode's key listener, driven by the action table in teachKeys.ts. */
import { useEffect } from 'react';
import { teachStore } from '../useTeach.ts';
import { teachKeyAction } from './teachKeys.ts';

export function useTeachKeyboard() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = teachKeyAction(e);
      if (!action) return;
      action.run(teachStore.getState());
      // Capture phase, and no further: React Flow would move the selected cards with the arrows.
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
