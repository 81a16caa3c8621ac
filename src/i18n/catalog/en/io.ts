/** English strings of the io area: opening and saving files, what the editor says at start-up, the samples' groups and descriptions. */
export const io = {
  files: {
    notPng: 'The file is named .png but is not a PNG image.',
    noModelInPng: 'This PNG carries no GraphGrad model (only images exported by GraphGrad do).',
    couldNotOpen: 'Could not open {{name}}; the current graph is unchanged.',
  },
  samples: {
    groups: { Foundations: 'Foundations', Networks: 'Networks', Data: 'Data' },
    /** One line each, at most 56 characters (the menu's width), every one distinct. */
    blurbs: {
      'chain-rule': 'The chain rule on J = 3(a + bc), one step at a time',
      'sum-over-paths': 'A value reaching the result by two paths: gradients add',
      neuron: 'One sigmoid neuron: step its forward and backward pass',
      'perceptron-snack': 'A perceptron, and why no gradient passes a step',
      'km-to-miles': 'Training at its smallest: one weight learns km → miles',
      'pass-exam': 'Train logistic regression on who passed the exam',
      'xor-mlp': 'A hidden layer learns XOR, which no single neuron can',
      'softmax-classifier': 'Three classes: a dense layer, softmax and cross-entropy',
      'spiral-mlp': 'Two interleaved spirals and a 2-8-8-1 tanh network',
      overfitting: 'A big network on little noisy data, and three cures',
      'iris-mlp': "Fisher's iris: three species from four measurements",
      'digits-mlp': 'Synthetic 8×8 digits: a 64-16-10 network, quick to train',
      'digits-real-mlp': 'Real handwritten digits: train, then draw your own',
    },
  },
  startup: {
    noSample: 'There is no sample called "{{name}}".',
    sampleList: 'Samples: {{list}}.',
    sampleDoesNotLoad: 'The sample "{{name}}" does not load.',
    openSample: 'Open sample {{name}}',
    openSharedLink: 'Open shared link',
    restore: 'Restore',
    couldNotOpenSample: 'Could not open the sample "{{name}}"; the current graph is unchanged.',
    couldNotOpenShared: 'Could not open the shared graph; the current graph is unchanged.',
    couldNotOpenOwn: 'Could not open the graph saved in this browser; the current graph is unchanged.',
    sharedLinkFailed: 'The shared link could not be opened.',
    lessonLinkFailed: 'The lesson link could not be opened.',
    noLesson: 'There is no lesson called "{{id}}".',
    exprDidNotLoad: 'Expression support did not load: {{reason}}',
    invalidKeptAside: 'The graph saved in this browser did not pass validation, so it was kept aside under "{{key}}".',
    invalidNotKeptAside:
      'The graph saved in this browser did not pass validation, and could not be kept aside: {{reason}} Download it now; your next edit will be autosaved over it.',
    unopenableKeptAside: 'The graph saved in this browser could not be opened, so it was kept aside under "{{key}}".',
    unopenableNotKeptAside:
      'The graph saved in this browser could not be opened, and could not be kept aside: {{reason}} Download it now; your next edit will be autosaved over it.',
    downloadKeptAside: 'Download the kept-aside graph',
    openedLesson: 'Opened the lesson. Undo brings back the graph you had.',
    openedShared: 'Opened the shared graph. Undo brings back the graph you had.',
    openedSample: 'Opened the sample "{{name}}". Undo brings back the graph you had.',
    failed: 'Something went wrong while opening the editor; the graph on screen is kept and autosaved.',
  },
};
