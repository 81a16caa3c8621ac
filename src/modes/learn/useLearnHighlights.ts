/**
 * Points at what the step names: its highlighted nodes (by id or label) get a ring on the canvas,
 * nodes a failed check is about get a red one, and highlighted controls (buttons named as the
 * lesson names them, e.g. "Step backward") get a ring too. Ids reach CSS only through CSS.escape.
 */
import { useEffect, useMemo } from 'react';
import { useEditor } from '../../store/useEditor.ts';
import { currentStep } from './learnStore.ts';
import { useLearn } from './useLearn.ts';

const CONTROL_CLASS = 'learn-highlight-control';

export function useLearnHighlights() {
  const step = useLearn(currentStep);
  const results = useLearn((s) => s.results);
  const nodes = useEditor((s) => s.model.nodes);
  const css = useMemo(() => {
    const idOf = (ref: string) => nodes.find((n) => n.id === ref)?.id ?? nodes.find((n) => n.label === ref)?.id;
    const named = (step?.highlight?.nodes ?? []).map(idOf).filter((id): id is string => !!id);
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
    const wanted = new Set(controls.map((c) => c.trim().toLowerCase()));
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>('button, label, select, input')) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().toLowerCase();
        el.classList.toggle(CONTROL_CLASS, wanted.has(name));
      }
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
