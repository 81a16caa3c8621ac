/** English strings of the common area (the source language: every key starts here). */
export const common = {
  modePanel: {
    trainTab: 'Train panel',
    trainTitle: 'Training controls, the loss curve and the data',
  },
  edgeTip: {
    local: 'Local derivative',
    upstream: 'Upstream gradient',
    contribution: 'Contribution to {{name}}',
    noLoss: 'No loss yet: mark a node as the loss to see the upstream gradient and the contribution.',
    intoLayer: 'Into layer {{layer}}: {{n}} of its outputs depend on {{source}}',
  },
};
