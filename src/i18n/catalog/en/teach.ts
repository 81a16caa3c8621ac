/** English strings of the teach area (the source language: every key starts here). */
export const teach = {};
