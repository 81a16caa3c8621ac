import type { Shape } from '../shape.ts';
import type { share as en } from '../en/share.ts';

/** Spanish strings of the share area: the same keys as English (the type checks it). */
export const share: Shape<typeof en> = {
  menu: {
    name: 'Exportar',
    button: 'Exportar ▾',
    title: 'Compartir el grafo o llevarlo a otra herramienta',
    link: { label: 'Copiar enlace', hint: 'Un enlace que contiene el grafo entero, pesos incluidos' },
    pngGraph: {
      label: 'Imagen PNG (grafo entero)',
      hint: 'Una imagen que además lleva el modelo: suéltala de nuevo en el lienzo para volver a abrirlo',
    },
    pngView: { label: 'Imagen PNG (vista actual)', hint: 'Lo que se ve ahora en pantalla; también lleva el modelo' },
    svgGraph: { label: 'Imagen SVG (grafo entero)', hint: 'Una imagen vectorial del grafo' },
    svgView: { label: 'Imagen SVG (vista actual)', hint: 'Una imagen vectorial de lo que se ve en pantalla' },
    onnx: { label: 'Modelo ONNX', hint: 'El grafo hacia delante y la pérdida para ONNX Runtime (opset {{opset}})' },
    pytorch: { label: 'Script de PyTorch', hint: 'Un nn.Module con una autocomprobación en float64 y un bucle de entrenamiento' },
  },
  notice: {
    tooLargeForLink: 'Este grafo es demasiado grande para un enlace.',
    linkCopied: 'Enlace copiado: contiene el grafo entero, pesos incluidos.',
    linkInAddressBar: 'El enlace está en la barra de direcciones (el portapapeles no estaba disponible): cópialo desde allí.',
    drawing: 'Dibujando {{n}} tarjetas en la imagen {{kind}}; esto tarda unos segundos.',
    canvasNotOnScreen: 'El lienzo no está en pantalla.',
    imageFailed: 'No se pudo exportar la imagen {{kind}}.',
    onnxSaved: 'Modelo ONNX guardado (opset {{opset}}): entradas {{inputs}}; salidas {{outputs}}.',
    noInputs: 'ninguna',
    onnxFailed: 'No se pudo exportar a ONNX.',
    pytorchSaved: 'Script de PyTorch guardado. `python <archivo>` comprueba sus valores y gradientes frente a GraphGrad; `--train` lo entrena.',
    pytorchFailed: 'No se pudo exportar a PyTorch.',
  },
  link: {
    tooLong:
      'Este modelo genera un enlace de {{length}} caracteres, demasiado largo para compartirlo con seguridad (el límite es {{limit}}). Guárdalo como archivo.',
    damaged: 'Este enlace compartido está dañado (puede que se cortara al copiarlo): no se puede leer el modelo que contiene.',
    modelTooLarge: 'El modelo de este enlace compartido ocupa más de {{mb}} MB, lo máximo que abre GraphGrad. No se ha cambiado nada.',
    lessonTooLarge: 'La lección de este enlace ocupa más de {{mb}} MB, lo máximo que abre GraphGrad. No se ha cambiado nada.',
    lessonDamaged: 'Este enlace de lección está dañado (puede que se cortara al copiarlo): no se puede leer la lección que contiene.',
  },
};
