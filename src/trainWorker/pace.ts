/**
 * How fast Play trains: a cap on mini-batch steps per second of the worker's clock, so a class can
 * watch the decision boundary form, or no cap at all ("Max"). A panel setting, never saved in the
 * model file.
 */
export type Pace = { kind: 'max' } | { kind: 'steps'; perSecond: number } | { kind: 'epochs'; perSecond: number };

/** The Speed menu, slowest first. "1 batch/frame" is one mini-batch per display frame (60 Hz). */
export const PACE_PRESETS: readonly { label: string; pace: Pace }[] = [
  { label: '1 batch/frame', pace: { kind: 'steps', perSecond: 60 } },
  { label: '1 epoch/s', pace: { kind: 'epochs', perSecond: 1 } },
  { label: '5 epochs/s', pace: { kind: 'epochs', perSecond: 5 } },
  { label: '30 epochs/s', pace: { kind: 'epochs', perSecond: 30 } },
  { label: '200 epochs/s', pace: { kind: 'epochs', perSecond: 200 } },
  { label: 'Max', pace: { kind: 'max' } },
];

/**
 * The panel's starting pace: on spiral (40 steps an epoch) a good boundary takes a few seconds to
 * form in front of the class, where Max draws it in a fraction of one.
 */
export const DEFAULT_PACE: Pace = { kind: 'epochs', perSecond: 200 };

/** The step rate a pace allows (Infinity: no cap), given the current steps per epoch. */
export function stepsPerSecond(pace: Pace, stepsPerEpoch: number): number {
  if (pace.kind === 'max') return Number.POSITIVE_INFINITY;
  return pace.kind === 'steps' ? pace.perSecond : pace.perSecond * stepsPerEpoch;
}

/** The menu label of a pace (the Speed select's value). */
export function paceLabel(pace: Pace): string {
  return (
    PACE_PRESETS.find((p) => p.pace.kind === pace.kind && (p.pace.kind === 'max' || (pace.kind !== 'max' && p.pace.perSecond === pace.perSecond)))?.label ??
    'Max'
  );
}
