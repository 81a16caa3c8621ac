/** English strings of the common area: the app's layout (App.tsx), such as the side panels' drawer tabs on a narrow screen. */
export const common = {
  drawers: {
    palette: { tab: 'Ops', title: 'The ops to add to the graph' },
    inspector: { tab: 'Inspector', title: "The selected node's settings, or the graph's" },
  },
};
