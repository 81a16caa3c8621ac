/** The sum over paths: every path from a chosen leaf to the loss, its local derivatives and their product, adding up to the gradient. */
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { isLeafOp, pathsToLoss } from '../../../../graph-engine/index.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { useEditor } from '../../../store/useEditor.ts';
import { graphLossLabel, graphNodeName } from '../../../ui/nodeNames.ts';
import { teachStore, useTeach } from '../useTeach.ts';

const fmt = formatNumber;

/** Paths listed at most; beyond, the view says how many there are (they grow exponentially with depth). */
const PATHS_LISTED = 24;

export function SumOverPaths() {
  const { t } = useTranslation();
  const version = useTeach((s) => s.version);
  const leafChoice = useTeach((s) => s.pathsLeaf);
  const st = useTeach((s) => s.stepper);
  const selected = useEditor((s) => s.selectedNodes);
  const g = st?.graph;
  const leaves = useMemo(() => (g ? g.nodes.filter((n) => isLeafOp(n.op) && !n.origin) : []), [g]);
  const selectedLeaf = [...selected].find((id) => leaves.some((l) => l.id === id));
  const leafId = leafChoice ?? selectedLeaf ?? leaves.find((l) => g?.reachesLoss[l.index])?.id;
  const ready = !!st && st.backwardDone === st.total && st.total > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the stepper is mutable; version says it moved.
  const listing = useMemo(() => {
    if (!st || !g || !ready || !leafId) return undefined;
    const i = g.indexOf.get(leafId);
    return i === undefined ? undefined : pathsToLoss(g, st.session, i, PATHS_LISTED);
  }, [st, g, ready, leafId, version]);
  if (!st || !g || leaves.length === 0 || g.loss < 0) return null;
  const lossLabel = graphLossLabel(g);
  const name = (n: number) => graphNodeName(g, n);
  return (
    <details className="teach-details" open>
      <summary>{t('teach.paths.summary')}</summary>
      <label className="teach-field">
        <span>{t('teach.paths.leaf')}</span>
        <select aria-label={t('teach.paths.leafLabel')} value={leafId ?? ''} onChange={(e) => teachStore.getState().setPathsLeaf(e.target.value || undefined)}>
          {leaves.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label} ({l.op.name})
            </option>
          ))}
        </select>
      </label>
      {!ready ? (
        <p className="small muted">{t('teach.paths.notReady', { loss: lossLabel })}</p>
      ) : listing && listing.total === 0 ? (
        <p className="small muted">{t('teach.paths.noPath', { leaf: leafId, loss: lossLabel })}</p>
      ) : listing ? (
        <>
          <ol className="teach-paths" data-testid="paths">
            {listing.paths.map((p, k) => (
              <li key={k}>
                <span className="teach-paths__route">{p.nodes.map(name).join(' → ')}</span>
                <span className="teach-paths__product">
                  {p.locals.map((l) => fmt(l)).join(' × ')} = <strong>{fmt(p.product)}</strong>
                </span>
              </li>
            ))}
          </ol>
          {listing.truncated ? (
            <p className="teach-callout">
              {t('teach.paths.truncated', {
                shown: listing.paths.length,
                total: listing.total.toLocaleString(currentLanguage()),
                loss: lossLabel,
                from: name(listing.from),
                grad: fmt(listing.grad),
              })}
            </p>
          ) : (
            <p className="teach-sum-line" data-testid="paths-sum">
              <Trans
                i18nKey="teach.paths.sum"
                count={listing.paths.length}
                values={{
                  terms: listing.paths.map((p) => fmt(p.product)).join(' + '),
                  sum: fmt(listing.listedSum),
                  loss: lossLabel,
                  from: name(listing.from),
                  grad: fmt(listing.grad),
                }}
                components={{ b: <strong /> }}
              />
            </p>
          )}
        </>
      ) : null}
    </details>
  );
}
