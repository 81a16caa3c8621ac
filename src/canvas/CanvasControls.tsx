/**
 * React Flow's zoom controls with our own Fit View. The built-in button runs React Flow's fit
 * (queued to the next frame) before any `onFitView` callback, so it would undo a fit that keeps
 * cards out from under the minimap (fitClear.ts). Its own buttons are used for everything else;
 * the interactivity lock is drawn after Fit View, as React Flow orders them.
 */
import { ControlButton, Controls, useReactFlow, useStore, useStoreApi, type FitViewOptions } from '@xyflow/react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { fitClear } from './fitClear.ts';

/** React Flow's fit-view, lock and unlock icons (not exported by @xyflow/react). */
const FIT_PATH =
  'M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z';
const LOCK_PATH =
  'M21.333 10.667H19.81V7.619C19.81 3.429 16.38 0 12.19 0 8 0 4.571 3.429 4.571 7.619v3.048H3.048A3.056 3.056 0 000 13.714v15.238A3.056 3.056 0 003.048 32h18.285a3.056 3.056 0 003.048-3.048V13.714a3.056 3.056 0 00-3.048-3.047zM12.19 24.533a3.056 3.056 0 01-3.047-3.047 3.056 3.056 0 013.047-3.048 3.056 3.056 0 013.048 3.048 3.056 3.056 0 01-3.048 3.047zm4.724-13.866H7.467V7.619c0-2.59 2.133-4.724 4.723-4.724 2.591 0 4.724 2.133 4.724 4.724v3.048z';
const UNLOCK_PATH =
  'M21.333 10.667H19.81V7.619C19.81 3.429 16.38 0 12.19 0c-4.114 1.828-1.37 2.133.305 2.438 1.676.305 4.42 2.59 4.42 5.181v3.048H3.047A3.056 3.056 0 000 13.714v15.238A3.056 3.056 0 003.048 32h18.285a3.056 3.056 0 003.048-3.048V13.714a3.056 3.056 0 00-3.048-3.047zM12.19 24.533a3.056 3.056 0 01-3.047-3.047 3.056 3.056 0 013.047-3.048 3.056 3.056 0 013.048 3.048 3.056 3.056 0 01-3.048 3.047z';

const Icon = ({ d, viewBox }: { d: string; viewBox: string }) => (
  <svg xmlns="http://www.w3.org/2000/svg" viewBox={viewBox}>
    <path d={d} />
  </svg>
);

/** Zoom in and out, Fit View (clear of the minimap, or Teach presentation's own fit), lock. */
export function CanvasControls({ pane, presentationFit }: { pane: RefObject<HTMLDivElement | null>; presentationFit?: FitViewOptions }) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const store = useStoreApi();
  const interactive = useStore((s) => s.nodesDraggable || s.nodesConnectable || s.elementsSelectable);
  const fit = () => (presentationFit ? void flow.fitView(presentationFit) : fitClear(flow, pane.current));
  const toggleLock = () => store.setState({ nodesDraggable: !interactive, nodesConnectable: !interactive, elementsSelectable: !interactive });
  return (
    <Controls aria-label={t('canvas.controls.label')} showFitView={false} showInteractive={false}>
      <ControlButton className="react-flow__controls-fitview" onClick={fit} title={t('canvas.controls.fitView')} aria-label={t('canvas.controls.fitView')}>
        <Icon d={FIT_PATH} viewBox="0 0 32 30" />
      </ControlButton>
      <ControlButton
        className="react-flow__controls-interactive"
        onClick={toggleLock}
        title={t('canvas.controls.interactive')}
        aria-label={t('canvas.controls.interactive')}
      >
        <Icon d={interactive ? UNLOCK_PATH : LOCK_PATH} viewBox="0 0 25 32" />
      </ControlButton>
    </Controls>
  );
}
