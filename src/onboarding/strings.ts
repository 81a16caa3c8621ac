/**
 * The welcome's, Help's and the legend's user-facing text, kept together so that it can move into
 * a message catalog as it is.
 */
export const WELCOME_TEXT = {
  title: 'Welcome to GraphGrad',
  intro: 'Build a computational graph, watch backpropagation work through it step by step, then train it.',
  close: 'Close the welcome',
  closeTitle: 'Close for good; the Help button brings it back',
} as const;

export const WAYS_IN_TEXT = {
  learn: 'Learn: step through the chain rule',
  learnDetail: 'A lesson on J = 3(a + bc): work it forward and backward, and check each answer',
  build: 'Build from scratch',
  buildDetail: 'An empty graph; pick ops from the palette',
  sample: 'Open a sample',
  sampleDetail: 'Small graphs first, then networks to train',
} as const;

export const HELP_TEXT = {
  button: 'Help',
  buttonTitle: 'Ways in, keyboard shortcuts and what the cards and edges show',
  dialog: 'Help',
  close: 'Close',
  waysIn: 'Ways in',
  shortcuts: 'Keyboard shortcuts',
  legend: 'What the cards and edges show',
} as const;

export const LEGEND_TEXT = {
  card: 'A card is one node: its op symbol and name on top, the value it computes below.',
  value: 'Value: what the node computes in the forward pass.',
  grad: '∂L/∂node (purple): how much the loss changes per unit change of this node, from the backward pass.',
  loss: 'LOSS: the node reverse mode starts from; its own gradient is 1.',
  badges: 'Badges say what is wrong with a card’s value (hover one for the reason):',
  localChip: 'Local derivative chip (×2): ∂u/∂b, how much u moves per unit of b. Shown in Teach and with Edge derivatives on.',
  contribChip:
    'Contribution chip (6, purple): upstream gradient × local derivative, 3 × 2. A node’s gradient is the sum of the contributions on its outgoing edges.',
  fullChip: 'The selected or current edge spells it out: the derivative’s name, its value, and → its contribution.',
  categories: 'The coloured top edge says what kind of op a card is:',
  forward: 'Teach colours the current forward step’s edges',
  backward: 'and the current backward step’s edges',
} as const;

/** Category names as the palette titles them, with the card class that colours them. */
export const CATEGORY_LEGEND: readonly { name: string; cls: string; examples: string }[] = [
  { name: 'Inputs and parameters', cls: 'cat-leaf', examples: 'input, const, param' },
  { name: 'Arithmetic', cls: 'cat-arith', examples: 'add, mul, pow, sum' },
  { name: 'Activations', cls: 'cat-act', examples: 'sigmoid, tanh, relu' },
  { name: 'Losses', cls: 'cat-loss', examples: 'mse, bce, cross_entropy' },
  { name: 'Layers', cls: 'cat-layer', examples: 'neuron, dense, mlp, softmax' },
  { name: 'Expression', cls: 'cat-expr', examples: 'a formula you type' },
];
