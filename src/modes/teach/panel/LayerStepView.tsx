/** A collapsed layer macro, stepped as one unit: its input and output vectors (forward), gradients (backward). */
import { nodeLabel, readMacro, texName, type Stepper } from '../../../../graph-engine/index.ts';
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
          Forward: layer <span className="teach-name">{title}</span> ({macro.op})
        </h3>
        <p className="small muted">
          A collapsed layer steps as one unit: {last.steps.length} primitive nodes at once. Expand it in Build mode to step through them one by one.
        </p>
        <Formula
          tex={`\\mathbf{x}_{${name}} = ${vectorTex(inputs)} \\;\\longmapsto\\; \\mathbf{y}_{${name}} = ${vectorTex(outputs)}`}
          label={`Layer ${title}: inputs ${inputs.map((x) => fmt(x)).join(', ')}; outputs ${outputs.map((x) => fmt(x)).join(', ')}`}
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
        Backward: layer <span className="teach-name">{title}</span> ({macro.op})
      </h3>
      <p className="small muted">
        {last.steps.length} primitive nodes visited at once. The gradient arriving at the outputs flows back through the layer to its weights and inputs.
      </p>
      <Formula
        tex={`\\begin{aligned} \\frac{\\partial ${texName(lossLabel)}}{\\partial \\mathbf{y}_{${name}}} &= ${vectorTex(reading?.outputs.map((o) => o.grad) ?? [])} \\\\ \\longmapsto\\; \\text{to inputs} &= ${vectorTex(inGrads)} \\end{aligned}`}
        label={`Layer ${title}: output gradients; contributions to its inputs ${inGrads.map((x) => fmt(x)).join(', ')}`}
      />
      {reading && reading.params.length > 0 && (
        <div className="teach-table-scroll">
          <table className="teach-table">
            <caption>Parameter gradients ({reading.params.length})</caption>
            <thead>
              <tr>
                <th>param</th>
                <th>value</th>
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
        <p className="small muted">
          First {LAYER_PARAMS_LISTED} of {reading.params.length} parameters.
        </p>
      )}
    </>
  );
}
