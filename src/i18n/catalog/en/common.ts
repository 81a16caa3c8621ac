/** English strings shared across the app's frame: the side panels' drawer tabs, the mode panel's drawer, and the canvas's edge tooltip. */
export const common = {
  drawers: {
    palette: { tab: 'Ops', title: 'The ops to add to the graph' },
    inspector: { tab: 'Inspector', title: "The selected node's settings, or the graph's" },
  },
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
