/** The timeline: forward, backward and update, each with how far it has got. */
import { useTeach } from '../useTeach.ts';

interface TimelineProps {
  /** Units (cards) stepped forward and backward, and in all. */
  forward: number;
  backward: number;
  total: number;
  /** With collapsed layers: primitive nodes forward, backward and in all. */
  nodes?: [number, number, number];
}

export function Timeline({ forward, backward, total, nodes }: TimelineProps) {
  const atUpdate = useTeach((s) => s.atUpdate);
  const update = useTeach((s) => s.update);
  const stage = atUpdate ? 'update' : backward > 0 || (forward === total && total > 0) ? 'backward' : 'forward';
  const bar = (done: number) => <span className="teach-timeline__bar" style={{ ['--done' as string]: total ? done / total : 0 }} />;
  return (
    <ol className="teach-timeline" aria-label="Timeline">
      <li className={stage === 'forward' ? 'is-active' : ''} data-testid="timeline-forward">
        <span className="teach-timeline__name">Forward</span>
        {bar(forward)}
        <span className="teach-timeline__count">
          {forward}/{total}
        </span>
      </li>
      <li className={stage === 'backward' ? 'is-active' : ''} data-testid="timeline-backward">
        <span className="teach-timeline__name">Backward</span>
        {bar(backward)}
        <span className="teach-timeline__count">
          {backward}/{total}
        </span>
      </li>
      <li className={stage === 'update' ? 'is-active' : ''} data-testid="timeline-update">
        <span className="teach-timeline__name">Update</span>
        <span className="teach-timeline__count">{update ? (atUpdate ? 'applied' : 'done') : '—'}</span>
      </li>
      {nodes && (
        <li className="teach-timeline__note small">
          Collapsed layers count as one step: {nodes[0]}/{nodes[2]} forward and {nodes[1]}/{nodes[2]} backward in primitive nodes.
        </li>
      )}
    </ol>
  );
}
