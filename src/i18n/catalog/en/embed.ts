/** English strings of the embed area (the source language: every key starts here). */
export const embed = {};
