/** English strings of the toolbar: file actions, undo, layout, the mode switch and the language menu. */
export const toolbar = {
  label: 'Editor toolbar',
  new: {
    name: 'New',
    title: 'Start an empty graph',
    question: 'Replace this graph with an empty one?',
    why: 'It has changes since you opened or saved it.',
    undo: 'Undo ({{keys}}) brings it back.',
    confirm: 'Start an empty graph',
    cancel: 'Keep this graph',
  },
  open: { name: 'Open', title: 'Open a GraphGrad .json model', file: 'Open model file' },
  save: { name: 'Save', title: 'Download the graph as JSON' },
  samples: { name: 'Samples', button: 'Samples ▾', title: 'Open a ready-made graph: small ones to step through first, then networks to train' },
  undo: { name: 'Undo', title: 'Undo {{action}} ({{keys}})' },
  redo: { name: 'Redo', title: 'Redo {{action}} ({{keys}})' },
  layout: { name: 'Auto-layout', title: 'Arrange the graph in layers, left to right', failed: 'Auto-layout failed.' },
  mode: 'Mode',
  modes: {
    build: { name: 'Build', title: 'Build: add ops from the palette, wire them, edit them in the inspector' },
    teach: { name: 'Teach', title: 'Teach: step through the forward and backward passes one node at a time' },
    train: { name: 'Train', title: 'Train: fit the graph’s parameters to a dataset and watch the loss fall' },
    learn: { name: 'Learn', title: 'Learn: lessons beside the canvas, with tasks that check your graph and answers' },
  },
  language: 'Language',
};
