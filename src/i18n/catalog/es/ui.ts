import type { Shape } from '../shape.ts';
import type { ui as en } from '../en/ui.ts';

/** Spanish strings of the ui area: the same keys as English (the type checks it). */
export const ui: Shape<typeof en> = {
  notices: {
    more_one: '…y {{count}} más.',
    more_other: '…y {{count}} más.',
    dismiss: 'Cerrar',
  },
  errorBoundary: {
    parts: {
      editor: 'El editor ha tenido un error.',
      toolbar: 'La barra de herramientas ha tenido un error.',
      palette: 'La paleta ha tenido un error.',
      canvas: 'El lienzo ha tenido un error.',
      inspector: 'El inspector ha tenido un error.',
      teachPanel: 'El panel de Enseñar ha tenido un error.',
      trainPanel: 'El panel de Entrenar ha tenido un error.',
      learnPanel: 'El panel de Aprender ha tenido un error.',
    },
    other: 'Una parte del editor ({{part}}) ha tenido un error.',
    safe: 'Tu grafo está a salvo: sigue en el editor y se ha guardado automáticamente. Vuelve a intentarlo, deshaz el último cambio o guarda el grafo en un archivo.',
    retry: 'Reintentar',
    undo: 'Deshacer el último cambio',
    save: 'Guardar el grafo en un archivo',
  },
};
