/** English strings of the onboarding area (the source language: every key starts here). */
export const onboarding = {};
