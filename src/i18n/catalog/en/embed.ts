/** English strings of the embed area (the source language: every key starts here). */
export const embed = {
  label: 'GraphGrad (embedded)',
  undo: 'Undo',
  open: 'Open in GraphGrad ↗',
};
