/**
 * React Flow's own accessible text (the controls, the minimap, the keyboard help on nodes and
 * edges, the announcement of a node moved with the arrows), in the current language. React Flow
 * 12 takes it whole as `ariaLabelConfig`; a new object only when the language changes, since
 * React Flow copies the prop into its store on change.
 */
import { useMemo } from 'react';
import type { AriaLabelConfig } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
const isDirection = (d: string): d is (typeof DIRECTIONS)[number] => (DIRECTIONS as readonly string[]).includes(d);

export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: t changes with the language, which is the dependency.
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.flow.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('canvas.flow.nodeHelpKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t('canvas.flow.nodeMoved', { direction: isDirection(direction) ? t(`canvas.flow.directions.${direction}`) : direction, x, y }),
      'edge.a11yDescription.default': t('canvas.flow.edgeHelp'),
      'controls.ariaLabel': t('canvas.controls.label'),
      'controls.zoomIn.ariaLabel': t('canvas.controls.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.controls.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.controls.fitView'),
      'controls.interactive.ariaLabel': t('canvas.controls.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.flow.handle'),
    }),
    [lang],
  );
}
