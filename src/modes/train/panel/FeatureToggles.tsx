import { editorStore, useEditor } from '../../../store/useEditor.ts';
import { FEATURE_TOGGLES, featureNodes, withFeature, withoutFeature, type BindContext, type FeatureToggle } from '../featureToggles.ts';
import { useTrain } from '../trainStore.ts';

/**
 * One-click derived inputs for a 2-D data set, as in TensorFlow Playground: each button adds (or
 * removes) an input node bound to that column, wired into the first layer, as one undo step.
 * The editor's change goes the usual way: a run in progress stops and the trainer is rebuilt.
 */
export function FeatureToggles() {
  const columns = useTrain((s) => s.binding?.columns);
  const bindOverride = useTrain((s) => s.overrides.bind);
  const model = useEditor((s) => s.model);
  if (!columns || !FEATURE_TOGGLES.every((t) => columns.includes(t.column))) return null;
  // The bind map in force: the panel's mapping replaces the file's (resolveSettings).
  const ctx: BindContext = { columns, bind: bindOverride ?? (model.training?.bind as Record<string, string> | undefined) ?? {} };
  const toggle = (t: FeatureToggle, on: boolean) => {
    const m = editorStore.getState().model;
    const next = on ? withoutFeature(m, t, ctx) : withFeature(m, t, ctx);
    if (next !== m) editorStore.getState().replaceModel(next, `${on ? 'Remove' : 'Add'} input feature ${t.column}`);
  };
  return (
    <fieldset className="train-features">
      <legend>Features</legend>
      {FEATURE_TOGGLES.map((t) => {
        const on = featureNodes(model, t.column, ctx).length > 0;
        return (
          <button
            key={t.column}
            type="button"
            className={`train-feature${on ? ' is-on' : ''}`}
            aria-pressed={on}
            title={on ? `Remove the input node reading column ${t.column}` : `Add an input node reading column ${t.column}, wired into the first layer`}
            onClick={() => toggle(t, on)}
          >
            {t.title}
          </button>
        );
      })}
    </fieldset>
  );
}
