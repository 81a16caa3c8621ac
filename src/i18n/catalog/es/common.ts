import type { Shape } from '../shape.ts';
import type { common as en } from '../en/common.ts';

/** Spanish strings of the common area: the same keys as English (the type checks it). */
export const common: Shape<typeof en> = {
  drawers: {
    palette: { tab: 'Operaciones', title: 'Las operaciones que puedes añadir al grafo' },
    inspector: { tab: 'Inspector', title: 'Los ajustes del nodo seleccionado, o los del grafo' },
  },
  modePanel: {
    trainTab: 'Panel de entrenamiento',
    trainTitle: 'Controles de entrenamiento, la curva de pérdida y los datos',
  },
  edgeTip: {
    local: 'Derivada local',
    upstream: 'Gradiente entrante',
    contribution: 'Contribución a {{name}}',
    noLoss: 'Aún no hay pérdida: marca un nodo como pérdida para ver el gradiente entrante y la contribución.',
    intoLayer: 'Hacia la capa {{layer}}: {{n}} de sus salidas dependen de {{source}}',
  },
};
