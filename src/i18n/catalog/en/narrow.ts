/** English strings of the narrow area: the drawers side panels fold into on a narrow screen. */
export const narrow = {
  teachPanel: { tab: 'Teach panel', title: 'Stepping controls and the current step (→ steps, ← steps back, Space plays)' },
};
