/** English strings of the common area (the source language: every key starts here). */
export const common = {};
