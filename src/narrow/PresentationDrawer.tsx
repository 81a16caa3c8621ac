/**
 * Teach's Presentation on a narrow screen (a 1024 x 768 projector): the Teach panel folds into a
 * drawer so that the graph gets the whole width and stays legible. The keys (→, ←, Space) still
 * step, the caption still shows each step's formula, and the tab opens the panel.
 */
import type { ReactNode } from 'react';
import { useEditor } from '../store/useEditor.ts';
import { useTeach } from '../modes/teach/useTeach.ts';
import { Drawer } from './Drawer.tsx';

export function PresentationDrawer({ children }: { children: ReactNode }) {
  const teach = useEditor((s) => s.mode === 'teach');
  const presentation = useTeach((s) => s.presentation);
  if (!teach || !presentation) return children;
  return (
    <Drawer name="panel" side="right" tab="Teach panel" title="Stepping controls and the current step (→ steps, ← steps back, Space plays)">
      {children}
    </Drawer>
  );
}
