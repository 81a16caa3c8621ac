/** English strings of the canvas area (the source language: every key starts here). */
export const canvas = {};
