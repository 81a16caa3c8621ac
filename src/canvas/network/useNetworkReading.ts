/**
 * The numbers a card's network view draws, in each mode from where that mode keeps them (the app
 * computes none of them): Build, the editor's evaluation; Train, the live preview (the worker's
 * weights and the shown sample's ∂L/∂w, preview.ts); Teach, the editor's weights, with ∂L/∂w from
 * the stepper once the backward pass has reached the layer.
 */
import { useMemo } from 'react';
import type { Stepper } from '../../../graph-engine/index.ts';
import type { LayerReading } from '../../store/evaluate.ts';
import { useEditor } from '../../store/useEditor.ts';
import type { Units } from '../../modes/teach/units.ts';
import { useTeach } from '../../modes/teach/useTeach.ts';
import { useTrain } from '../../modes/train/trainStore.ts';

const weightsOnly = (layers: readonly LayerReading[]): LayerReading[] => layers.map((l) => ({ W: l.W, b: l.b }));

/** The weights with the gradients the stepper has computed so far: a layer's once all its parameters have one. */
function stepped(layers: readonly LayerReading[], id: string, stepper: Stepper | undefined, units: Units | undefined): LayerReading[] {
  const macro = units?.graph.macros.get(id);
  if (!stepper || !units || !macro || macro.layers.length !== layers.length) return weightsOnly(layers);
  const index = (pid: string) => units.graph.indexOf.get(pid) ?? -1;
  return layers.map((l, L) => {
    const spec = macro.layers[L];
    const graded = [...spec.b, ...spec.W.flat()].every((p) => index(p) >= 0 && stepper.hasGrad(index(p)));
    if (!graded) return { W: l.W, b: l.b };
    const grad = (p: string) => stepper.session.grad(index(p));
    return { W: l.W, b: l.b, gW: spec.W.map((r) => r.map(grad)), gb: spec.b.map(grad) };
  });
}

export function useNetworkReading(id: string): LayerReading[] | undefined {
  const mode = useEditor((s) => s.mode);
  const built = useEditor((s) => s.evaluation.results.get(id)?.layers);
  const trained = useTrain((s) => (mode === 'train' ? s.preview?.results.get(id)?.layers : undefined));
  const stepper = useTeach((s) => (mode === 'teach' ? s.stepper : undefined));
  const units = useTeach((s) => s.units);
  // The stepper is mutable: its version says when it moved.
  const version = useTeach((s) => (mode === 'teach' ? s.version : 0));
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the stepper's progress.
  return useMemo(() => {
    if (mode === 'train') return trained ?? built;
    if (mode === 'teach' && built) return stepped(built, id, stepper, units);
    return built;
  }, [mode, built, trained, stepper, units, version, id]);
}
