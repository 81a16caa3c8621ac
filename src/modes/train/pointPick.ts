/** Where the data points sit in the output picture, and which one a click meant. Pure: unit-tested. */
import type { PlaneInfo, PointsInfo } from '../../trainWorker/protocol.ts';

/** How near (CSS px) a click must be to a point's centre to pick it. */
const PICK_PX = 8;

/** Where dataset row i sits in a side x side picture (x across, y up), in CSS px from the top left. */
export function pointPx(plane: PlaneInfo, points: PointsInfo, i: number, side: number): [number, number] {
  const [[x0, x1], [y0, y1]] = plane.range;
  return [((points.x[i] - x0) / (x1 - x0)) * side, (1 - (points.y[i] - y0) / (y1 - y0)) * side];
}

/** The index of the point nearest (x, y) within `radius` px; `at` places point i (undefined: not shown). */
export function nearestPoint(count: number, at: (i: number) => [number, number] | undefined, x: number, y: number, radius = PICK_PX): number | undefined {
  let best: number | undefined;
  let bestD = radius * radius;
  for (let i = 0; i < count; i++) {
    const p = at(i);
    if (!p) continue;
    const d = (p[0] - x) ** 2 + (p[1] - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** The row of the shown point nearest (x, y), if one is within PICK_PX; test points only when shown. */
export function pickPoint(plane: PlaneInfo, points: PointsInfo, side: number, x: number, y: number, showTest: boolean): number | undefined {
  return nearestPoint(points.x.length, (i) => (points.test[i] === 1 && !showTest ? undefined : pointPx(plane, points, i, side)), x, y);
}
