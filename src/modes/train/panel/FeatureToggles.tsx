import { useTranslation } from 'react-i18next';
import { editorStore, useEditor } from '../../../store/useEditor.ts';
import { FEATURE_TOGGLES, featureNodes, withFeature, withoutFeature, type BindContext, type FeatureToggle } from '../featureToggles.ts';
import { useTrain } from '../trainStore.ts';

/**
 * One-click derived inputs for a 2-D data set, as in TensorFlow Playground: each button adds (or
 * removes) an input node bound to that column, wired into the first layer, as one undo step.
 * The editor's change goes the usual way: a run in progress stops and the trainer is rebuilt.
 */
export function FeatureToggles() {
  const { t } = useTranslation();
  const columns = useTrain((s) => s.binding?.columns);
  const bindOverride = useTrain((s) => s.overrides.bind);
  const model = useEditor((s) => s.model);
  if (!columns || !FEATURE_TOGGLES.every((f) => columns.includes(f.column))) return null;
  // The bind map in force: the panel's mapping replaces the file's (resolveSettings).
  const ctx: BindContext = { columns, bind: bindOverride ?? (model.training?.bind as Record<string, string> | undefined) ?? {} };
  const toggle = (f: FeatureToggle, on: boolean) => {
    const m = editorStore.getState().model;
    const next = on ? withoutFeature(m, f, ctx) : withFeature(m, f, ctx);
    if (next !== m) editorStore.getState().replaceModel(next, t(on ? 'train.features.undoRemove' : 'train.features.undoAdd', { column: f.column }));
  };
  return (
    <fieldset className="train-features">
      <legend>{t('train.features.legend')}</legend>
      {FEATURE_TOGGLES.map((f) => {
        const on = featureNodes(model, f.column, ctx).length > 0;
        return (
          <button
            key={f.column}
            type="button"
            className={`train-feature${on ? ' is-on' : ''}`}
            aria-pressed={on}
            title={t(on ? 'train.features.remove' : 'train.features.add', { column: f.column })}
            onClick={() => toggle(f, on)}
          >
            {f.title}
          </button>
        );
      })}
    </fieldset>
  );
}
