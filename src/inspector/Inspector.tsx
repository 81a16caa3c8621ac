/** The inspector: the selected node's settings (edits apply live) and what the engine computed. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { attrDescription, opConvention, opDescription } from '../i18n/opText.ts';
import { numberText } from '../ui/numberText.ts';
import { getOp, isLeafOp, nodeLabel, type ModelNode } from '../../graph-engine/index.ts';
import { editorStore, useEditor } from '../store/useEditor.ts';
import type { Evaluation } from '../store/evaluate.ts';
import { NumberField } from './NumberField.tsx';
import { Formula } from './Formula.tsx';
import { nodeTex } from './formulaTex.ts';
import { nodeIndex } from '../store/modelEdits.ts';
import { macroOfMember } from '../store/macroEdits.ts';
import { MacroSettings } from './MacroSettings.tsx';
import { WeightGrids } from './WeightGrid.tsx';
import { lossLabel } from '../ui/nodeNames.ts';

export function Inspector() {
  const { t } = useTranslation();
  const model = useEditor((s) => s.model);
  const evaluation = useEditor((s) => s.evaluation);
  const selected = useEditor((s) => s.selectedNodes);
  const only = selected.size === 1 ? model.nodes[nodeIndex(model.nodes).get([...selected][0]) ?? -1] : undefined;
  return (
    <aside className="inspector" aria-label={t('inspector.label')}>
      {only ? (
        <NodeInspector key={only.id} node={only} evaluation={evaluation} />
      ) : selected.size > 1 ? (
        <section>
          <h2>{t('inspector.selection.count', { count: selected.size })}</h2>
          <p className="muted">{t('inspector.selection.hint')}</p>
        </section>
      ) : (
        <GraphSummary />
      )}
    </aside>
  );
}

function GraphSummary() {
  const { t } = useTranslation();
  const model = useEditor((s) => s.model);
  const evaluation = useEditor((s) => s.evaluation);
  const loss = model.nodes.find((n) => n.id === evaluation.lossId);
  return (
    <section>
      <h2>{t('inspector.graph.heading')}</h2>
      <div className="field">
        <label htmlFor="graph-name">{t('inspector.graph.name')}</label>
        <input id="graph-name" value={model.name ?? ''} onChange={(e) => editorStore.getState().setGraphName(e.target.value)} />
      </div>
      <dl className="facts">
        <dt>{t('inspector.graph.nodes')}</dt>
        <dd>{model.nodes.length}</dd>
        <dt>{t('inspector.graph.edges')}</dt>
        <dd>{model.edges.length}</dd>
        <dt>{t('inspector.graph.loss')}</dt>
        <dd>
          {loss
            ? evaluation.lossIsAutomatic
              ? t('inspector.graph.lossAutomatic', { label: nodeLabel(loss) })
              : nodeLabel(loss)
            : evaluation.lossId !== undefined
              ? lossLabel(model.nodes, evaluation.lossId)
              : t('inspector.graph.noLoss')}
        </dd>
      </dl>
      {evaluation.problems.map((p, i) => (
        <p key={i} className="notice-inline notice-inline--nonfinite" role="alert">
          {p.message}
        </p>
      ))}
      {evaluation.backwardBlocker && model.nodes.length > 0 && (
        <p className="muted">{t('inspector.graph.noGradients', { reason: evaluation.backwardBlocker })}</p>
      )}
      {typeof model.description === 'string' && (
        <p className="description" data-i18n-content="">
          {model.description}
        </p>
      )}
      <p className="muted">{t('inspector.graph.hint')}</p>
    </section>
  );
}

function NodeInspector({ node, evaluation }: { node: ModelNode; evaluation: Evaluation }) {
  const { t } = useTranslation();
  const op = getOp(node.op);
  const result = evaluation.results.get(node.id);
  const label = nodeLabel(node);
  const store = editorStore.getState(); // actions only: what is shown comes through selectors
  const isLoss = evaluation.lossId === node.id;
  const partOf = useEditor((s) => macroOfMember(s.model, node.id));
  const tex = useMemo(() => {
    const g = evaluation.graph;
    if (!g) return undefined;
    return nodeTex(g, node.id, (n) => evaluation.results.get(g.nodes[n].id)?.value ?? Number.NaN);
  }, [evaluation, node.id]);
  const loss = useEditor((s) => lossLabel(s.model.nodes, evaluation.lossId));
  // Two nodes called "a" read the same on the cards and in every formula: say so, but allow it.
  const namesakes = useEditor((s) => s.model.nodes.filter((n) => n.id !== node.id && nodeLabel(n) === label).length);

  return (
    <section className="node-inspector">
      <h2>
        <span className="inspector__symbol">{op?.symbol ?? '?'}</span>
        {/* A symbol that is the name spelled out (Dense, MLP) is not repeated: "Dense dense". */}
        {op && op.symbol.toLowerCase() === op.name.toLowerCase() ? null : ` ${op?.name ?? node.op}`}
      </h2>
      {op && <p className="muted">{opDescription(op)}</p>}
      <div className="field">
        <label htmlFor="node-label">{t('inspector.node.label')}</label>
        <input id="node-label" value={node.label ?? ''} placeholder={node.id} onChange={(e) => store.updateNode(node.id, { label: e.target.value })} />
        {namesakes > 0 && (
          <div className="field__warning" role="status">
            {t('inspector.node.namesakes', { count: namesakes, label })}
          </div>
        )}
      </div>
      <p className="muted small">
        {t('inspector.node.id')} <code>{node.id}</code>
      </p>
      {op && isLeafOp(op) && (
        <NumberField label={t('inspector.node.value')} value={node.value ?? 0} onChange={(v) => store.updateNode(node.id, { value: v })} />
      )}
      {op?.macro && <MacroSettings node={node} graph={evaluation.graph} />}
      {op?.macro && result?.layers && <WeightGrids node={node} layers={result.layers} lossName={loss} />}
      {partOf && (
        <p className="part-of">
          <PartOf macro={partOf} />{' '}
          <button type="button" onClick={() => store.collapseMacro(partOf)}>
            {t('inspector.node.collapse')}
          </button>
        </p>
      )}
      {op?.instantiate && (
        <div className="field">
          <label htmlFor="node-expression">{t('inspector.node.expression')}</label>
          <input
            id="node-expression"
            value={typeof node.attrs?.expression === 'string' ? node.attrs.expression : ''}
            // i18n-exempt: a formula, the same in every language
            placeholder="x^2 * sin(y)"
            spellCheck={false}
            onChange={(e) => store.updateNode(node.id, { attrs: { expression: e.target.value } })}
          />
        </div>
      )}
      {evaluation.problems
        .filter((p) => p.nodeId === node.id)
        .map((p, i) => (
          <p key={i} className="notice-inline notice-inline--nonfinite" role="alert">
            {p.message}
          </p>
        ))}
      {op?.attrs?.map((spec) => (
        <NumberField
          key={spec.name}
          label={spec.name}
          hint={attrDescription(op, spec)}
          value={typeof node.attrs?.[spec.name] === 'number' ? (node.attrs[spec.name] as number) : spec.default}
          onChange={(v) => store.updateNode(node.id, { attrs: { [spec.name]: v } })}
        />
      ))}
      {result?.outputs && result.outputs.length > 1 ? (
        <OutputLoss node={node} outputs={result.outputs.map((o) => o.name)} evaluation={evaluation} />
      ) : (
        <label className="check">
          <input type="checkbox" checked={isLoss && !evaluation.lossIsAutomatic} onChange={(e) => store.setLoss(e.target.checked ? node.id : undefined)} />
          {t('inspector.node.useAsLoss')}
          {isLoss && evaluation.lossIsAutomatic && <span className="muted small"> {t('inspector.node.nowLoss')}</span>}
        </label>
      )}

      <h3>{t('inspector.node.computed')}</h3>
      <dl className="facts">
        <dt>{t('inspector.node.value')}</dt>
        <dd data-testid="inspector-value">{result ? numberText(result.value) : '—'}</dd>
        {result?.grad !== undefined && (
          <>
            <dt>
              ∂{loss}/∂{label}
            </dt>
            <dd data-testid="inspector-grad">{numberText(result.grad)}</dd>
          </>
        )}
      </dl>
      {/* A problem of the node itself is listed above, with the fields it concerns. */}
      {result?.badge && result.badge.kind !== 'invalid' && <p className={`notice-inline notice-inline--${result.badge.kind}`}>{result.badge.reason}</p>}
      {tex && (
        <>
          <h3>{t('inspector.node.formula')}</h3>
          <Formula tex={tex.symbolic} label={t('inspector.node.formulaOf', { label })} />
          {tex.numeric && <Formula tex={tex.numeric} label={t('inspector.node.withNumbers', { label })} />}
          <h3>{t('inspector.node.localDerivatives')}</h3>
          {tex.partials.map((p, i) => (
            <Formula key={i} tex={p} label={t('inspector.node.localDerivative', { n: i + 1, label })} />
          ))}
        </>
      )}
      {op?.convention && <p className="muted small">{opConvention(op)}</p>}
    </section>
  );
}

/**
 * "Part of the expanded macro net." with the macro's id set as code. The id is split into the
 * translated sentence as text (a marker stands for it), never parsed as markup.
 */
function PartOf({ macro }: { macro: string }) {
  const { t } = useTranslation();
  const MARK = '\u0000';
  const [before, after = ''] = t('inspector.node.partOf', { macro: MARK }).split(MARK);
  return (
    <>
      {before}
      <code>{macro}</code>
      {after}
    </>
  );
}

/**
 * The loss choice of a layer with several outputs: none, or one output. Output 0 is the layer
 * itself (a loss naming a macro means its output 0); another is the primitive that computes it,
 * which keeps the designation when the layer is expanded and collapsed.
 */
function OutputLoss({ node, outputs, evaluation }: { node: ModelNode; outputs: string[]; evaluation: Evaluation }) {
  const primitives = evaluation.graph?.macros.get(node.id)?.outputs ?? [];
  const ids = outputs.map((_, p) => (p === 0 ? node.id : primitives[p]));
  const chosen = ids.findIndex((id) => id !== undefined && id === evaluation.lossId);
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="output-loss">{t('inspector.node.useAsLoss')}</label>
      <select
        id="output-loss"
        value={chosen < 0 ? '' : String(chosen)}
        onChange={(e) => editorStore.getState().setLoss(e.target.value === '' ? undefined : ids[Number(e.target.value)])}
      >
        <option value="">{t('inspector.node.noOutput')}</option>
        {outputs.map((name, p) =>
          ids[p] === undefined ? null : (
            <option key={p} value={p}>
              {t('inspector.node.output', { name })}
            </option>
          ),
        )}
      </select>
      {evaluation.noLossReason && chosen < 0 && <p className="muted small no-loss">{evaluation.noLossReason}</p>}
    </div>
  );
}
