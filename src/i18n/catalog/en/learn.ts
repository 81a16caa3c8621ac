/** English strings of the learn area (the source language: every key starts here). */
export const learn = {};
