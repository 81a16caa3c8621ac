/**
 * Spanish text of the ops. English lives only in the op registry (graph-engine/ops/registry.ts and
 * the macro and expression modules), the single source of each op's words; this holds the Spanish
 * for every op there, keyed by op name, read through src/i18n/opText.ts. Op names and symbols
 * (add, mul, σ) are notation and stay as they are. tests/i18n-ops.test.ts fails when an op, a
 * convention, an attr or a layer setting of the registry has no Spanish here.
 */
import type { Category } from '../../../../graph-engine/index.ts';

export interface OpTextEs {
  description: string;
  /** The registry's convention (how an undefined derivative is taken), when it has one. */
  convention?: string;
  /** Each numeric attr's description, by attr name. */
  attrs?: Readonly<Record<string, string>>;
  /** A layer macro's settings in the inspector, by attr name. */
  settings?: Readonly<Record<string, { label: string; hint: string }>>;
}

/** The palette's groups. */
export const categoriesEs: Readonly<Record<Category, string>> = {
  'Inputs and parameters': 'Entradas y parámetros',
  Arithmetic: 'Aritmética',
  Activations: 'Activaciones',
  Losses: 'Pérdidas',
  Layers: 'Capas',
  Expression: 'Expresión',
};

const atZero = 'En x = 0 la derivada se toma como 0.';

export const opsEs: Readonly<Record<string, OpTextEs>> = {
  input: { description: 'Una entrada de datos: un número que fijas tú y que más adelante se vincula a una columna del conjunto de datos.' },
  const: { description: 'Una constante fija.' },
  param: { description: 'Un parámetro entrenable (peso o sesgo), que se actualiza por descenso de gradiente.' },
  identity: { description: 'Deja pasar su entrada sin cambios.' },
  add: { description: 'Suma de dos o más operandos.' },
  sub: { description: 'Diferencia a − b.' },
  mul: { description: 'Producto de dos o más operandos.' },
  div: { description: 'Cociente a / b.' },
  neg: { description: 'Negación: cambia el signo, −x.' },
  pow: {
    description: 'Potencia: la base elevada al exponente (ambos derivables).',
    convention: 'd/d(exponente) se toma como base^exponente · ln|base| (0 cuando la base es 0); con una base negativa, su parte real.',
  },
  square: { description: 'Cuadrado: x multiplicado por sí mismo, x².' },
  sqrt: { description: 'Raíz cuadrada √x.' },
  exp: { description: 'Exponencial eˣ.' },
  log: { description: 'Logaritmo natural ln x.' },
  abs: { description: 'Valor absoluto |x|.', convention: atZero },
  sin: { description: 'Seno de x (en radianes).' },
  cos: { description: 'Coseno de x (en radianes).' },
  sum: { description: 'Suma de uno o más operandos.' },
  mean: { description: 'Media de uno o más operandos.' },
  max: {
    description: 'El mayor de dos o más operandos.',
    convention: 'El gradiente va al primer operando que alcanza el máximo; los demás reciben 0.',
  },
  min: {
    description: 'El menor de dos o más operandos.',
    convention: 'El gradiente va al primer operando que alcanza el mínimo; los demás reciben 0.',
  },
  sigmoid: { description: 'Sigmoide logística 1 / (1 + e^(−x)).' },
  tanh: { description: 'Tangente hiperbólica.' },
  relu: { description: 'Unidad lineal rectificada max(0, x).', convention: atZero },
  leaky_relu: {
    description: 'Leaky ReLU: x si x > 0; αx en otro caso.',
    convention: 'En x = 0 la derivada se toma como α.',
    attrs: { alpha: 'pendiente para las entradas negativas' },
  },
  elu: {
    description: 'ELU: x si x > 0; α(eˣ − 1) en otro caso.',
    convention: 'En x = 0 la derivada se toma como α (el límite por la izquierda).',
    attrs: { alpha: 'escala de la parte negativa' },
  },
  softplus: { description: 'Softplus ln(1 + eˣ), una ReLU suave.' },
  step: {
    description: 'Umbral del perceptrón: 1 si x ≥ 0; si no, 0.',
    convention:
      'El escalón es plano en todas partes salvo en 0, donde salta: su derivada es 0, así que ningún gradiente vuelve hacia atrás a través de un escalón. Los perceptrones aprenden con la regla del perceptrón, no con retropropagación.',
  },
  dropout: {
    description:
      'Dropout con tasa p: en un paso de entrenamiento, y = m·x/(1 − p); cada valor se conserva (m = 1) con probabilidad 1 − p y, si no, se anula (m = 0); derivada local m/(1 − p). Es la identidad en la evaluación, en Construir y en Enseñar.',
    convention:
      'La máscara m vale 1 para un valor conservado y 0 para uno descartado; se sortea por muestra a partir de la semilla y del paso de entrenamiento (se conserva con probabilidad 1 − p), así que las ejecuciones se pueden reproducir. Fuera de los pasos de entrenamiento, m/(1 − p) se sustituye por 1: la operación es la identidad.',
    attrs: { rate: 'probabilidad p de anular un valor en un paso de entrenamiento, 0 ≤ p < 1' },
  },
  mse: { description: 'Error cuadrático medio: media de (p_i − t_i)² sobre las predicciones p1..pk y los objetivos t1..tk.' },
  bce: {
    description: 'Entropía cruzada binaria −(y ln p + (1 − y) ln(1 − p)) de una probabilidad p frente a una etiqueta y.',
    convention: 'Los términos logarítmicos se acotan en −100 (como hace PyTorch), así que p = 0 o 1 da una pérdida grande pero finita, no infinita.',
  },
  bce_with_logits: {
    description:
      'Entropía cruzada binaria de un logit z frente a una etiqueta y, con la sigmoide aplicada dentro (BCEWithLogitsLoss de PyTorch): max(z, 0) − z·y + ln(1 + e^(−|z|)).',
    convention:
      'Se calcula a partir del logit sin formar σ(z), así que no se acota nada: la pérdida es exacta para cualquier z (800 en z = −800, y = 1, donde sigmoid seguida de bce se queda en 100) y d/dz = σ(z) − y no se anula para |z| grande.',
  },
  cross_entropy: {
    description: 'Entropía cruzada −Σ y_i ln p_i de las probabilidades p1..pk frente a los objetivos y1..yk.',
    convention: 'Los términos con y_i = 0 cuentan como 0 (0 · ln 0 = 0); los términos logarítmicos se acotan en −100.',
  },
  softmax_cross_entropy: {
    description: 'Softmax seguida de entropía cruzada de los logits z1..zk frente a los objetivos y1..yk, calculada de forma estable.',
    convention:
      'Se calcula como y · ((m − z) + ln Σ e^(z − m)), con m el logit más grande, como hace log_softmax: los logits grandes nunca desbordan y las pérdidas diminutas conservan sus dígitos.',
  },
  neuron: {
    description: 'Una neurona: act(w·x + b) sobre k entradas (atributos: activation, w, b).',
    settings: { activation: { label: 'Activación', hint: 'Se aplica a w·x + b.' } },
  },
  dense: {
    description: 'Capa totalmente conectada: units neuronas que comparten k entradas; una salida por unidad (atributos: units, activation, dropout, W, b).',
    settings: {
      units: { label: 'Unidades', hint: 'Neuronas de la capa; cada una es una salida.' },
      activation: { label: 'Activación', hint: 'Se aplica al w·x + b de cada unidad.' },
      dropout: {
        label: 'Dropout',
        hint: 'Tasa p en [0, 1): en los pasos de entrenamiento cada salida se anula con probabilidad p y las demás se escalan por 1/(1 − p).',
      },
    },
  },
  mlp: {
    description: 'Pila de capas densas (atributos: sizes, activation, outputActivation, dropout, W, b).',
    settings: {
      sizes: { label: 'Tamaños de las capas', hint: 'Anchos de las capas, la última son las salidas; p. ej., 8, 8, 1.' },
      activation: { label: 'Activación oculta', hint: 'Se aplica en todas las capas salvo la última.' },
      outputActivation: { label: 'Activación de salida', hint: 'Se aplica en la última capa.' },
      dropout: {
        label: 'Dropout',
        hint: 'Tasa p en [0, 1) tras cada capa oculta: en los pasos de entrenamiento cada salida oculta se anula con probabilidad p y las demás se escalan por 1/(1 − p).',
      },
    },
  },
  softmax: { description: 'Softmax sobre k entradas, k salidas: exp(x_i − max) / Σ exp(x_j − max).' },
  expr: { description: 'Una fórmula sobre entradas con nombre, p. ej., x^2 * sin(y) + exp(-x); sus derivadas se calculan simbólicamente.' },
};
