/**
 * New, with a question first when the graph has unsaved changes (unsaved.ts). The question is a
 * small popover under the New button (NewButton.tsx), not the browser's confirm(), so it can say
 * that Undo brings the graph back and does not block the page.
 */
import { create } from 'zustand';
import { editorStore } from '../store/useEditor.ts';
import { hasUnsavedChanges } from './unsaved.ts';

interface NewGraphAsk {
  /** The question is showing. */
  asking: boolean;
  /** Runs after the graph was replaced (e.g. the welcome focuses the palette). */
  afterwards?: () => void;
}

export const newGraphAsk = create<NewGraphAsk>(() => ({ asking: false }));

/** Starts an empty graph now, then runs `afterwards`. */
export function startNewGraph(afterwards?: () => void): void {
  newGraphAsk.setState({ asking: false, afterwards: undefined });
  editorStore.getState().newGraph();
  afterwards?.();
}

/** New as the toolbar's button does it: at once, or after asking when there is work to lose. */
export function requestNewGraph(afterwards?: () => void): void {
  if (hasUnsavedChanges()) newGraphAsk.setState({ asking: true, afterwards });
  else startNewGraph(afterwards);
}

export function cancelNewGraph(): void {
  newGraphAsk.setState({ asking: false, afterwards: undefined });
}
