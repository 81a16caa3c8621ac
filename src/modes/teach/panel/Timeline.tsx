/** The timeline: forward, backward and update, each with how far it has got. */
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const atUpdate = useTeach((s) => s.atUpdate);
  const update = useTeach((s) => s.update);
  const stage = atUpdate ? 'update' : backward > 0 || (forward === total && total > 0) ? 'backward' : 'forward';
  const bar = (done: number) => <span className="teach-timeline__bar" style={{ ['--done' as string]: total ? done / total : 0 }} />;
  return (
    <ol className="teach-timeline" aria-label={t('teach.timeline.label')}>
      <li className={stage === 'forward' ? 'is-active' : ''} data-testid="timeline-forward">
        <span className="teach-timeline__name">{t('teach.timeline.forward')}</span>
        {bar(forward)}
        <span className="teach-timeline__count">
          {forward}/{total}
        </span>
      </li>
      <li className={stage === 'backward' ? 'is-active' : ''} data-testid="timeline-backward">
        <span className="teach-timeline__name">{t('teach.timeline.backward')}</span>
        {bar(backward)}
        <span className="teach-timeline__count">
          {backward}/{total}
        </span>
      </li>
      <li className={stage === 'update' ? 'is-active' : ''} data-testid="timeline-update">
        <span className="teach-timeline__name">{t('teach.timeline.update')}</span>
        <span className="teach-timeline__count">{update ? (atUpdate ? t('teach.timeline.applied') : t('teach.timeline.done')) : '—'}</span>
      </li>
      {nodes && <li className="teach-timeline__note small">{t('teach.timeline.layers', { forward: nodes[0], backward: nodes[1], total: nodes[2] })}</li>}
    </ol>
  );
}
