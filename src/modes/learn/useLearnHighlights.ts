/**
 * Points at what the step names: its highlighted nodes (by id or label) get a ring on the canvas,
 * nodes a failed check is about get a red one, and highlighted controls (controls.ts: "quiz",
 * "learning-rate"...) get a ring too. Ids reach CSS only through CSS.escape.
 */
import { useEffect, useMemo } from 'react';
import { useEditor } from '../../store/useEditor.ts';
import { currentStep } from './learnStore.ts';
import { useLearn } from './useLearn.ts';
import { findControls } from './controls.ts';

const CONTROL_CLASS = 'learn-highlight-control';

export function useLearnHighlights() {
  const step = useLearn(currentStep);
  const results = useLearn((s) => s.results);
  const nodes = useEditor((s) => s.model.nodes);
  const css = useMemo(() => {
    const idOf = (ref: string) => nodes.find((n) => n.id === ref)?.id ?? nodes.find((n) => n.label === ref)?.id;
    const named = (step?.highlight?.nodes ?? []).map(idOf).filter((id): id is string => !!id);
    // The "dropout" control is the graph's dropout nodes.
    if (step?.highlight?.controls?.some((c) => c.trim().toLowerCase() === 'dropout')) named.push(...nodes.filter((n) => n.op === 'dropout').map((n) => n.id));
    const failing = (results ?? []).filter((r) => !r.pass).flatMap((r) => r.nodes ?? []);
    const rule = (ids: string[], cls: string) =>
      ids.length ? `${ids.map((id) => `.react-flow__node[data-id="${CSS.escape(id)}"]`).join(',\n')} { ${cls} }\n` : '';
    return (
      rule(named, 'outline: 3px solid var(--learn-ring); outline-offset: 4px; border-radius: 10px;') +
      rule(failing, 'outline: 3px dashed var(--danger); outline-offset: 4px; border-radius: 10px;')
    );
  }, [step, results, nodes]);

  useEffect(() => {
    if (!css) return;
    const style = document.createElement('style');
    style.dataset.learn = 'highlights';
    style.textContent = css;
    document.head.append(style);
    return () => style.remove();
  }, [css]);

  const controls = step?.highlight?.controls;
  useEffect(() => {
    if (!controls?.length) return;
    const mark = () => {
      const now = new Set(findControls(controls));
      for (const el of document.querySelectorAll(`.${CONTROL_CLASS}`)) if (!now.has(el)) el.classList.remove(CONTROL_CLASS);
      for (const el of now) el.classList.add(CONTROL_CLASS);
    };
    mark();
    // Panels mount and re-render as the student works: mark what appears, once per frame at most.
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          mark();
        });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      for (const el of document.querySelectorAll(`.${CONTROL_CLASS}`)) el.classList.remove(CONTROL_CLASS);
    };
  }, [controls]);
}
