import type { Shape } from '../shape.ts';
import type { toolbar as en } from '../en/toolbar.ts';

/** Spanish strings of the toolbar: the same keys as English (the type checks it). */
export const toolbar: Shape<typeof en> = {
  label: 'Barra de herramientas del editor',
  open: { name: 'Abrir', title: 'Abrir un modelo .json de GraphGrad', file: 'Abrir archivo de modelo' },
  save: { name: 'Guardar', title: 'Descargar el grafo como JSON' },
  undo: { name: 'Deshacer', title: 'Deshacer {{action}} ({{keys}})' },
  redo: { name: 'Rehacer', title: 'Rehacer {{action}} ({{keys}})' },
  layout: { name: 'Ordenar', title: 'Colocar el grafo en capas, de izquierda a derecha', failed: 'No se pudo ordenar el grafo.' },
  mode: 'Modo',
  modes: {
    build: { name: 'Construir', title: 'Construir: añade operaciones desde la paleta, conéctalas y edítalas en el inspector' },
    teach: { name: 'Enseñar', title: 'Enseñar: recorre las pasadas hacia delante y hacia atrás nodo a nodo' },
    train: { name: 'Entrenar', title: 'Entrenar: ajusta los parámetros del grafo a un conjunto de datos y mira cómo baja la pérdida' },
    learn: { name: 'Aprender', title: 'Aprender: lecciones junto al lienzo, con tareas que comprueban tu grafo y tus respuestas' },
  },
  language: 'Idioma',
};
