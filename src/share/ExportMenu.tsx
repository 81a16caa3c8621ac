/** The Share & export menu: link, pictures, ONNX and PyTorch. */
import { useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { copyShareLink, exportImage, exportOnnxFile, exportPytorchFile } from './exportActions.ts';

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const item = (label: string, hint: string, run: () => unknown) => (
    <li role="none">
      <button
        type="button"
        role="menuitem"
        title={hint}
        onClick={() => {
          setOpen(false);
          void run();
        }}
      >
        {label}
      </button>
    </li>
  );

  return (
    <div className="menu" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} title="Share the graph or take it to another tool">
        Export ▾
      </button>
      {open && (
        <ul className="menu__list" role="menu" aria-label="Export" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {item('Copy link', 'A link holding the whole graph, weights included', copyShareLink)}
          {item('PNG image (whole graph)', 'A picture that also carries the model: drop it back on the canvas to reopen', () => exportImage('png', 'graph', flow.getNodes()))}
          {item('PNG image (current view)', 'What is on screen now; carries the model too', () => exportImage('png', 'view', flow.getNodes()))}
          {item('SVG image (whole graph)', 'A vector picture of the graph', () => exportImage('svg', 'graph', flow.getNodes()))}
          {item('SVG image (current view)', 'A vector picture of what is on screen', () => exportImage('svg', 'view', flow.getNodes()))}
          {item('ONNX model', 'Forward graph and loss for ONNX Runtime (opset 13)', exportOnnxFile)}
          {item('PyTorch script', 'An nn.Module with a float64 self-check and a training loop', exportPytorchFile)}
        </ul>
      )}
    </div>
  );
}
