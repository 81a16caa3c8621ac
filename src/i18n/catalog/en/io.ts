/** English strings of the io area (the source language: every key starts here). */
export const io = {};
