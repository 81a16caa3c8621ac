/** English strings of the share area (the source language: every key starts here). */
export const share = {};
