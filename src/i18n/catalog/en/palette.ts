/** English strings of the op palette. */
export const palette = {
  label: 'Palette',
  search: 'Search ops',
  item: '{{symbol}}  {{name}}: {{description}}\nDrag onto the canvas, or click to add at the centre.',
  none: 'No op matches "{{query}}".',
  added: 'Added {{op}} {{label}} at the centre of the canvas. Skip to canvas, at the top, reaches it.',
};
