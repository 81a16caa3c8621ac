/** English strings of the inspector area (the source language: every key starts here). */
export const inspector = {};
