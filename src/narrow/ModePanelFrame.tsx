/**
 * Teach's and Train's panel on a narrow screen. Switching into the mode takes the canvas from
 * nearly the window's width (Build's panels are drawers) to what the panel leaves: cards that
 * were in view are brought back into it. In Teach's Presentation (a 1024 x 768 projector) the
 * panel folds into a drawer so that the graph gets the whole width and stays legible; the keys
 * (→, ←, Space) still step, the caption shows each step's formula, and the tab opens the panel.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canvasApi } from '../canvas/canvasApi.ts';
import { editorStore, useEditor } from '../store/useEditor.ts';
import { useTeach } from '../modes/teach/useTeach.ts';
import { Drawer } from './Drawer.tsx';
import { closeDrawers, useNarrow } from './drawers.ts';
import { isEmbedded } from '../embed/embed.ts';
import './modePanelFrame.css';

/**
 * Below the drawers' width (1280 px) Teach's and Train's panels fold into a drawer too: docked,
 * they left the canvas 63% of a 1024 px window and the cards' text under 10 px. An embed keeps its
 * panel docked: a course page sizes its frame for the lesson, and the panel is what it embeds.
 */
const embedded = isEmbedded();

export function ModePanelFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const teach = useEditor((s) => s.mode === 'teach');
  const presentation = useTeach((s) => s.presentation);
  const narrow = useNarrow();
  const mode = useEditor((s) => s.mode);
  // The drawer starts closed in each mode, and Presentation closes it: the graph takes the room.
  useEffect(() => {
    if (mode) closeDrawers();
  }, [mode]);
  useEffect(() => {
    if (presentation) closeDrawers();
  }, [presentation]);
  useEffect(() => {
    const canvas = document.querySelector('.canvas');
    if (!narrow || !canvas) return;
    // Whenever the panel takes width from the canvas (on mounting, and again when Train's panel
    // has loaded), once the layout has settled.
    let width = Number.POSITIVE_INFINITY;
    let frame = 0;
    const observer = new ResizeObserver(([entry]) => {
      const narrower = entry.contentRect.width < width - 1;
      width = entry.contentRect.width;
      if (!narrower) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => canvasApi()?.reveal(editorStore.getState().model.nodes.map((n) => n.id)));
    });
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [narrow]);
  if (narrow && !embedded && !teach)
    return (
      <Drawer name="panel" side="right" tab={t('common.modePanel.trainTab')} title={t('common.modePanel.trainTitle')}>
        {children}
      </Drawer>
    );
  if (!teach || (!presentation && (!narrow || embedded))) return children;
  return (
    <Drawer name="panel" side="right" tab={t('narrow.teachPanel.tab')} title={t('narrow.teachPanel.title')}>
      {children}
    </Drawer>
  );
}
