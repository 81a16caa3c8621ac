import type { Shape } from '../shape.ts';
import type { store as en } from '../en/store.ts';

/** Spanish strings of the store area: the same keys as English (the type checks it). */
export const store: Shape<typeof en> = {
  undo: {
    add: 'Añadir {{op}}',
    connect: 'Conectar',
    editNode: 'Editar el nodo',
    setLoss: 'Elegir la pérdida',
    expand: 'Expandir {{id}}',
    collapse: 'Contraer {{id}}',
    rename: 'Renombrar el grafo',
    delete: 'Borrar',
    deleteConnection: 'Borrar la conexión',
    paste: 'Pegar',
    open: 'Abrir {{name}}',
    newGraph: 'Nuevo grafo',
  },
  notice: {
    connectionRefused: 'Conexión rechazada',
    cannotExpand: 'No se puede expandir esta macro.',
    cannotCollapse: 'No se puede contraer esta macro.',
    collapsedDropped_one: 'Se contrajo {{id}}; {{count}} conexión con sus nodos internos no tenía a qué puerto ir y se quitó (Deshacer la recupera).',
    collapsedDropped_other: 'Se contrajo {{id}}; {{count}} conexiones con sus nodos internos no tenían a qué puerto ir y se quitaron (Deshacer las recupera).',
    cannotResize: 'No se puede cambiar el tamaño de esta capa.',
    resizeDropped_one: 'Se quitó {{count}} conexión de la salida eliminada (Deshacer la recupera).',
    resizeDropped_other: 'Se quitaron {{count}} conexiones de la salida eliminada (Deshacer las recupera).',
    couldNotOpen: 'No se pudo abrir {{name}}; el grafo actual no ha cambiado.',
  },
  problem: {
    selfCycle: 'El grafo tiene un ciclo: {{name}} -> {{name}}. Un nodo no puede alimentarse a sí mismo.',
    notAMacro: '«{{id}}» no es una macro de capa.',
    notExpandable: 'No se pudo expandir «{{id}}».',
    notExpanded: '«{{id}}» no está expandida.',
    nestedTooDeeply: 'Está anidado a demasiada profundidad para leerlo (el navegador se quedó sin pila).',
    lossLeftLayer:
      'La pérdida {{loss}} ya no forma parte de su capa (cambiaron sus ajustes); vuelve a elegir la pérdida («Usar como pérdida» en el inspector).',
    severalOutputs:
      '{{name}} tiene varias salidas, así que no se elige ninguna pérdida por ti. Añade una operación de pérdida (Pérdidas en la paleta) que se alimente de ellas, o selecciona el nodo respecto al que derivar y marca «Usar como pérdida» en el inspector.',
    waitingOn: 'Esperando a {{name}}, que tiene un problema.',
    nonFiniteInput_one: 'Nodo {{node}}: la salida {{output}} es {{value}} porque una entrada no es finita: {{list}}.',
    nonFiniteInput_other: 'Nodo {{node}}: la salida {{output}} es {{value}} porque hay entradas que no son finitas: {{list}}.',
    nonFiniteInside: 'Nodo {{node}}: la salida {{output}} es {{value}}: el valor deja de ser finito dentro de esta capa.',
    nonFiniteInsideFrom: 'Nodo {{node}}: la salida {{output}} es {{value}} a partir de {{list}}: el valor deja de ser finito dentro de esta capa.',
  },
  autosave: {
    noRoomForCopy: 'Este navegador no tiene espacio para guardar una segunda copia.',
    storageOff: 'Su almacenamiento está lleno o desactivado.',
    tooBig: 'El grafo ocupa {{millions}} millones de caracteres, más de lo que los navegadores guardan para un sitio (unos 5 millones).',
    otherTabKept:
      'Otra pestaña había guardado aquí un grafo distinto. El grafo de esta pestaña es ahora el guardado automáticamente; el de la otra pestaña se ha apartado.',
    otherTabKeptDetail: 'Ábrelo aquí para tener los dos: después, Deshacer recupera este grafo.',
    openOtherTab: 'Abrir el grafo de la otra pestaña',
    otherTabGraph: 'el grafo de la otra pestaña',
    notStored: 'Este navegador no quiso guardar el grafo, así que a partir de ahora las ediciones no se guardan automáticamente. {{why}}',
    notStoredDetail: 'Se conserva el último grafo que sí guardó. Usa Guardar para conservar este como archivo.',
    otherTabSaved: 'Este grafo también está abierto en otra pestaña, y esa pestaña acaba de guardar sus propios cambios.',
    otherTabSavedDetail: 'Tus ediciones aquí se siguen guardando automáticamente, y el grafo de la otra pestaña se aparta, no se pierde.',
  },
};
