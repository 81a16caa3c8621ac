/** English strings of the store area (the source language: every key starts here). */
export const store = {};
