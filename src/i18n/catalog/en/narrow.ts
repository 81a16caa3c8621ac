/** English strings of the narrow area (the source language: every key starts here). */
export const narrow = {};
