/** English strings of the common area (the source language: every key starts here). */
export const common = {
  modePanel: {
    trainTab: 'Train panel',
    trainTitle: 'Training controls, the loss curve and the data',
  },
};
