/** English strings of the a11y area (the source language: every key starts here). */
export const a11y = {};
