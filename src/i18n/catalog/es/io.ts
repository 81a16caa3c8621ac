import type { Shape } from '../shape.ts';
import type { io as en } from '../en/io.ts';

/** Spanish strings of the io area: the same keys as English (the type checks it). */
export const io: Shape<typeof en> = {
  files: {
    notPng: 'El archivo se llama .png pero no es una imagen PNG.',
    noModelInPng: 'Esta imagen PNG no lleva ningún modelo de GraphGrad (solo lo llevan las imágenes exportadas por GraphGrad).',
    couldNotOpen: 'No se pudo abrir {{name}}; el grafo actual no ha cambiado.',
  },
  samples: {
    groups: { Foundations: 'Fundamentos', Networks: 'Redes', Data: 'Datos' },
    /** The menu's name for each sample (its file name, `?sample=<name>`, stays the same in every language). */
    labels: {
      'chain-rule': 'Regla de la cadena',
      'sum-over-paths': 'Suma sobre caminos',
      neuron: 'Neurona',
      'perceptron-snack': 'Perceptrón del snack',
      'km-to-miles': 'Km a millas',
      'pass-exam': 'Aprobar el examen',
      'xor-mlp': 'MLP para XOR',
      'softmax-classifier': 'Clasificador softmax',
      'spiral-mlp': 'MLP en espiral',
      overfitting: 'Sobreajuste',
      'iris-mlp': 'MLP para iris',
      'digits-mlp': 'MLP de dígitos',
      'digits-real-mlp': 'MLP de dígitos reales',
    },
    blurbs: {
      'chain-rule': 'La regla de la cadena en J = 3(a + bc), paso a paso',
      'sum-over-paths': 'Dos caminos hasta el resultado: los gradientes se suman',
      neuron: 'Una neurona sigmoide: sus pasadas hacia delante y atrás',
      'perceptron-snack': 'Un perceptrón: por qué ningún gradiente cruza un escalón',
      'km-to-miles': 'Entrenamiento mínimo: un peso aprende km → millas',
      'pass-exam': 'Regresión logística sobre quién aprobó el examen',
      'xor-mlp': 'Una capa oculta aprende XOR; una neurona sola no puede',
      'softmax-classifier': 'Tres clases: una capa densa, softmax y entropía cruzada',
      'spiral-mlp': 'Dos espirales entrelazadas y una red tanh 2-8-8-1',
      overfitting: 'Una red grande con pocos datos ruidosos, y tres remedios',
      'iris-mlp': 'Iris de Fisher: tres especies a partir de cuatro medidas',
      'digits-mlp': 'Dígitos 8×8 sintéticos: red 64-16-10, rápida de entrenar',
      'digits-real-mlp': 'Dígitos manuscritos reales: entrena y dibuja los tuyos',
    },
  },
  startup: {
    noSample: 'No hay ningún ejemplo llamado «{{name}}».',
    sampleList: 'Ejemplos: {{list}}.',
    sampleDoesNotLoad: 'El ejemplo «{{name}}» no se carga.',
    openSample: 'Abrir el ejemplo {{name}}',
    openSharedLink: 'Abrir el enlace compartido',
    restore: 'Restaurar',
    couldNotOpenSample: 'No se pudo abrir el ejemplo «{{name}}»; el grafo actual no ha cambiado.',
    couldNotOpenShared: 'No se pudo abrir el grafo compartido; el grafo actual no ha cambiado.',
    couldNotOpenOwn: 'No se pudo abrir el grafo guardado en este navegador; el grafo actual no ha cambiado.',
    sharedLinkFailed: 'No se pudo abrir el enlace compartido.',
    lessonLinkFailed: 'No se pudo abrir el enlace de la lección.',
    noLesson: 'No hay ninguna lección llamada «{{id}}».',
    exprDidNotLoad: 'No se cargó el soporte de expresiones: {{reason}}',
    invalidKeptAside: 'El grafo guardado en este navegador no superó la validación, así que se ha apartado como «{{key}}».',
    invalidNotKeptAside:
      'El grafo guardado en este navegador no superó la validación y no se pudo apartar: {{reason}} Descárgalo ahora; tu próxima edición se guardará automáticamente encima.',
    unopenableKeptAside: 'El grafo guardado en este navegador no se pudo abrir, así que se ha apartado como «{{key}}».',
    unopenableNotKeptAside:
      'El grafo guardado en este navegador no se pudo abrir ni apartar: {{reason}} Descárgalo ahora; tu próxima edición se guardará automáticamente encima.',
    downloadKeptAside: 'Descargar el grafo apartado',
    openedLesson: 'Se abrió la lección. Deshacer recupera el grafo que tenías.',
    openedShared: 'Se abrió el grafo compartido. Deshacer recupera el grafo que tenías.',
    openedSample: 'Se abrió el ejemplo «{{name}}». Deshacer recupera el grafo que tenías.',
    failed: 'Algo falló al abrir el editor; el grafo en pantalla se conserva y se guarda automáticamente.',
  },
};
