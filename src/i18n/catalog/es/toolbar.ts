import type { Shape } from '../shape.ts';
import type { toolbar as en } from '../en/toolbar.ts';

/** Spanish strings of the toolbar: the same keys as English (the type checks it). */
export const toolbar: Shape<typeof en> = {
  label: 'Barra de herramientas del editor',
  new: {
    name: 'Nuevo',
    title: 'Empezar un grafo vacío',
    question: '¿Reemplazar este grafo por uno vacío?',
    why: 'Tiene cambios desde que lo abriste o lo guardaste.',
    undo: 'Deshacer ({{keys}}) lo recupera.',
    confirm: 'Empezar un grafo vacío',
    cancel: 'Conservar este grafo',
  },
  open: { name: 'Abrir', title: 'Abrir un modelo .json de GraphGrad', file: 'Abrir archivo de modelo' },
  save: { name: 'Guardar', title: 'Descargar el grafo como JSON' },
  samples: {
    name: 'Ejemplos',
    button: 'Ejemplos ▾',
    title: 'Abrir un grafo ya hecho: primero grafos pequeños para recorrer paso a paso, luego redes para entrenar',
  },
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
