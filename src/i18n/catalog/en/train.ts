/** English strings of the train area (the source language: every key starts here). */
export const train = {};
