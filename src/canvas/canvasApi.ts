/**
 * What the rest of the app may ask of the canvas (the palette's "add at centre", the toolbar's
 * fit view, the `/` shortcut), without reaching into React Flow. The mounted canvas registers it.
 */
import type { XY } from '../store/modelEdits.ts';
import type { Size } from './flowElements.ts';

export interface CanvasApi {
  /** Flow coordinates of the visible centre, where click-to-add puts a node. */
  centre(): XY;
  /** Fits the whole graph in view, clear of the minimap; animated over `duration` ms. */
  fitView(duration?: number): void;
  openQuickAdd(): void;
  /** Pans so that the nodes `ids` are on screen when some are not, zooming out if they do not fit. */
  reveal(ids: readonly string[]): void;
  /** A node's rendered size, for auto-layout. */
  measuredSize(id: string): Size | undefined;
  /**
   * Runs `work` with every card and edge mounted (a large graph zoomed in mounts only what is on
   * screen) and the cards at the detail of `zoom`: for pictures of the whole graph.
   */
  withWholeGraph<T>(zoom: number, work: () => Promise<T>): Promise<T>;
}

let current: CanvasApi | undefined;

export function registerCanvasApi(api: CanvasApi): () => void {
  current = api;
  return () => {
    if (current === api) current = undefined;
  };
}

export function canvasApi(): CanvasApi | undefined {
  return current;
}
