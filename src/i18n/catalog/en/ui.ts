/** English strings of the ui area (the source language: every key starts here). */
export const ui = {};
