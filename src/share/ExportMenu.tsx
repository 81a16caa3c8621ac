/** The Export menu: share link, pictures, ONNX and PyTorch. */
import { useReactFlow } from '@xyflow/react';
import { ONNX_OPSET } from '../../graph-engine/index.ts';
import { Menu } from '../ui/Menu.tsx';
import { copyShareLink, exportImage, exportOnnxFile, exportPytorchFile } from './exportActions.ts';

export function ExportMenu() {
  const flow = useReactFlow();
  return (
    <Menu
      name="Export"
      button="Export ▾"
      title="Share the graph or take it to another tool"
      items={[
        { label: 'Copy link', hint: 'A link holding the whole graph, weights included', run: copyShareLink },
        {
          label: 'PNG image (whole graph)',
          hint: 'A picture that also carries the model: drop it back on the canvas to reopen',
          run: () => exportImage('png', 'graph', flow.getNodes()),
        },
        { label: 'PNG image (current view)', hint: 'What is on screen now; carries the model too', run: () => exportImage('png', 'view', flow.getNodes()) },
        { label: 'SVG image (whole graph)', hint: 'A vector picture of the graph', run: () => exportImage('svg', 'graph', flow.getNodes()) },
        { label: 'SVG image (current view)', hint: 'A vector picture of what is on screen', run: () => exportImage('svg', 'view', flow.getNodes()) },
        { label: 'ONNX model', hint: `Forward graph and loss for ONNX Runtime (opset ${ONNX_OPSET})`, run: exportOnnxFile },
        { label: 'PyTorch script', hint: 'An nn.Module with a float64 self-check and a training loop', run: exportPytorchFile },
      ]}
    />
  );
}
