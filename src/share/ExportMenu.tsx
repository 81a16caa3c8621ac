/** The Export menu: share link, pictures, ONNX and PyTorch. */
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { ONNX_OPSET } from '../../graph-engine/index.ts';
import { Menu } from '../ui/Menu.tsx';
import { copyShareLink, exportImage, exportOnnxFile, exportPytorchFile } from './exportActions.ts';

export function ExportMenu() {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const item = (key: 'link' | 'pngGraph' | 'pngView' | 'svgGraph' | 'svgView' | 'pytorch', run: () => unknown) => ({
    label: t(`share.menu.${key}.label`),
    hint: t(`share.menu.${key}.hint`),
    run,
  });
  return (
    <Menu
      name={t('share.menu.name')}
      button={t('share.menu.button')}
      title={t('share.menu.title')}
      items={[
        item('link', copyShareLink),
        item('pngGraph', () => exportImage('png', 'graph', flow.getNodes())),
        item('pngView', () => exportImage('png', 'view', flow.getNodes())),
        item('svgGraph', () => exportImage('svg', 'graph', flow.getNodes())),
        item('svgView', () => exportImage('svg', 'view', flow.getNodes())),
        { label: t('share.menu.onnx.label'), hint: t('share.menu.onnx.hint', { opset: ONNX_OPSET }), run: exportOnnxFile },
        item('pytorch', exportPytorchFile),
      ]}
    />
  );
}
