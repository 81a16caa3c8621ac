/** A collapsed layer macro, stepped as one unit: its input and output vectors (forward), gradients (backward). */
import { Trans, useTranslation } from 'react-i18next';
import { nodeLabel, readMacro, texName, textTex, type Stepper } from '../../../../graph-engine/index.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Formula } from '../../../inspector/Formula.tsx';
import { useEditor } from '../../../store/useEditor.ts';
import { graphLossLabel } from '../../../ui/nodeNames.ts';
import type { UnitStep } from '../teachStore.ts';
import { vectorTex } from './formulaText.ts';

const fmt = formatNumber;

/** The parameter-gradient table lists this many of a layer's weights (a layer can have thousands). */
const LAYER_PARAMS_LISTED = 16;

export function LayerStepView({ last, stepper }: { last: UnitStep; stepper: Stepper }) {
  const { t } = useTranslation();
  const sep = t('teach.listSeparator');
  const title = useEditor((s) => {
    const unit = s.model.nodes.find((n) => n.id === last.unit);
    return unit ? nodeLabel(unit) : last.unit;
  });
  const g = stepper.graph;
  const macro = g.macros.get(last.unit);
  if (!macro) return null;
  const s = stepper.session;
  const at = (id: string) => g.indexOf.get(id)!;
  const inputs = macro.inputConsumers.map((consumers) => {
    const c = consumers[0];
    if (!c) return Number.NaN;
    const e = g.nodes[at(c.node)].inputs[c.port];
    return e >= 0 ? s.value(g.edges[e].source) : Number.NaN;
  });
  const outputs = macro.outputs.map((o) => s.value(at(o)));
  const name = texName(title);
  if (last.kind === 'forward') {
    return (
      <>
        <h3>
          <Trans i18nKey="teach.layer.forwardHeading" values={{ title, op: macro.op }} components={{ name: <span className="teach-name" /> }} />
        </h3>
        <p className="small muted">{t('teach.layer.forwardNote', { nodes: last.steps.length })}</p>
        <Formula
          tex={`\\mathbf{x}_{${name}} = ${vectorTex(inputs)} \\;\\longmapsto\\; \\mathbf{y}_{${name}} = ${vectorTex(outputs)}`}
          label={t('teach.layer.forwardLabel', { title, inputs: inputs.map((x) => fmt(x)).join(sep), outputs: outputs.map((x) => fmt(x)).join(sep) })}
        />
      </>
    );
  }
  const reading = readMacro(g, s, last.unit);
  const lossLabel = graphLossLabel(g);
  const inGrads = last.inputGrads ?? [];
  return (
    <>
      <h3>
        <Trans i18nKey="teach.layer.backwardHeading" values={{ title, op: macro.op }} components={{ name: <span className="teach-name" /> }} />
      </h3>
      <p className="small muted">{t('teach.layer.backwardNote', { nodes: last.steps.length })}</p>
      <Formula
        tex={`\\begin{aligned} \\frac{\\partial ${texName(lossLabel)}}{\\partial \\mathbf{y}_{${name}}} &= ${vectorTex(reading?.outputs.map((o) => o.grad) ?? [])} \\\\ \\longmapsto\\; ${textTex(t('teach.tex.toInputs'))} &= ${vectorTex(inGrads)} \\end{aligned}`}
        label={t('teach.layer.backwardLabel', { title, grads: inGrads.map((x) => fmt(x)).join(sep) })}
      />
      {reading && reading.params.length > 0 && (
        <div className="teach-table-scroll">
          <table className="teach-table">
            <caption>{t('teach.layer.paramGrads', { params: reading.params.length })}</caption>
            <thead>
              <tr>
                <th>{t('teach.layer.param')}</th>
                <th>{t('teach.layer.value')}</th>
                <th>∂{lossLabel}/∂w</th>
              </tr>
            </thead>
            <tbody>
              {reading.params.slice(0, LAYER_PARAMS_LISTED).map((p) => (
                <tr key={p.id}>
                  <td>{p.id}</td>
                  <td>{fmt(p.value)}</td>
                  <td>{fmt(p.grad)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reading && reading.params.length > LAYER_PARAMS_LISTED && (
        <p className="small muted">{t('teach.layer.firstParams', { shown: LAYER_PARAMS_LISTED, params: reading.params.length })}</p>
      )}
    </>
  );
}
