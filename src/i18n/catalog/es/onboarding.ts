import type { Shape } from '../shape.ts';
import type { onboarding as en } from '../en/onboarding.ts';

/** Spanish strings of onboarding: the same keys as English (the type checks it). */
export const onboarding: Shape<typeof en> = {
  welcome: {
    title: 'Te damos la bienvenida a GraphGrad',
    intro: 'Construye un grafo computacional, mira cómo la retropropagación lo recorre paso a paso y luego entrénalo.',
    close: 'Cerrar la bienvenida',
    closeTitle: 'Cerrar para siempre; el botón Ayuda la vuelve a mostrar',
  },
  waysIn: {
    learn: 'Aprender: recorre la regla de la cadena',
    learnDetail: 'Una lección sobre J = 3(a + bc): calcúlalo hacia delante y hacia atrás, y comprueba cada respuesta',
    build: 'Construir desde cero',
    buildDetail: 'Un grafo vacío; elige operaciones en la paleta',
    sample: 'Abrir un ejemplo',
    sampleDetail: 'Primero grafos pequeños, luego redes para entrenar',
  },
  help: {
    button: 'Ayuda',
    buttonTitle: 'Formas de empezar, atajos de teclado y qué muestran las tarjetas y las aristas',
    dialog: 'Ayuda',
    close: 'Cerrar',
    waysIn: 'Formas de empezar',
    shortcuts: 'Atajos de teclado',
    legend: 'Qué muestran las tarjetas y las aristas',
    or: ' o ',
  },
  /** Key names as the language's keyboards print them. */
  keyNames: { delete: 'Supr', backspace: 'Retroceso', escape: 'Esc', shift: 'Mayús' },
  shortcuts: {
    wiring: 'Conexiones con el teclado y el lienzo',
    menus: 'Menús, pesos y gráficas',
    drag: 'arrastrar',
    click: 'clic',
    build: {
      quickAdd:
        'Añadir rápido: escribe el nombre de una operación, ↑ ↓ para elegir; Intro la añade y pone el foco en la nueva tarjeta (o haz doble clic en el lienzo)',
      undo: 'Deshacer',
      redo: 'Rehacer',
      copy: 'Copiar los nodos seleccionados',
      paste: 'Pegar',
      duplicate: 'Duplicar los nodos seleccionados',
      selectAll: 'Seleccionar todo',
      delete: 'Borrar la selección',
      clear: 'Quitar la selección',
      boxSelect: 'Seleccionar los nodos dentro de un recuadro',
      addToSelection: 'Añadir un nodo o una arista a la selección',
    },
    menu: {
      open: 'En el botón de un menú: abrirlo; dentro de un menú: moverse (Inicio, Fin: primero, último)',
      close: 'Cerrar un menú o un diálogo',
      weightGrid: 'Cuadrícula de pesos (inspector): moverse entre celdas; Intro o Tab conserva el número, Esc lo deja como estaba',
      fitPlot: 'Gráfico de ajuste de Entrenar: mostrar en el lienzo el punto de datos anterior o siguiente',
    },
  },
  legend: {
    card: 'Una tarjeta es un nodo: arriba, el símbolo y el nombre de su operación; abajo, el valor que calcula.',
    value: 'Valor: lo que calcula el nodo en la propagación hacia delante.',
    grad: '∂L/∂nodo (morado): cuánto cambia la pérdida por cada unidad que cambia este nodo, según la propagación hacia atrás.',
    loss: 'Marca de pérdida: el nodo desde el que arranca el modo inverso; su propio gradiente es 1.',
    badges: 'Las insignias dicen qué falla en el valor de una tarjeta (pasa el puntero por encima para ver el motivo):',
    notConnected: 'La entrada b no está conectada',
    opFailed: 'La operación falló',
    localChip:
      'Etiqueta de derivada local (×2): ∂u/∂b, cuánto se mueve u por cada unidad de b. Se muestra en Enseñar y con las derivadas en las aristas activadas.',
    contribChip:
      'Etiqueta de contribución (6, morada): gradiente entrante × derivada local, 3 × 2. El gradiente de un nodo es la suma de las contribuciones de sus aristas de salida.',
    fullChip: 'La arista seleccionada o actual lo detalla: el nombre de la derivada, su valor y → su contribución.',
    categories: 'El borde superior de color dice qué tipo de operación es una tarjeta:',
    forward: 'Enseñar colorea las aristas del paso actual hacia delante',
    backward: 'y las del paso actual hacia atrás.',
    category: {
      leaf: 'Entradas y parámetros',
      arith: 'Aritmética',
      act: 'Activaciones',
      loss: 'Pérdidas',
      layer: 'Capas',
      expr: 'Expresión',
    },
    exprExample: 'una fórmula que escribes',
  },
};
