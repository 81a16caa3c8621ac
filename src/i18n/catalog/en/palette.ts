/** English strings of the palette area (the source language: every key starts here). */
export const palette = {};
