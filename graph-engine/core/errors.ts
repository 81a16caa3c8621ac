/**
 * The one class of exception the engine throws on purpose: input it cannot work with, found by a
 * builder mid-work (graph-engine/index.ts describes the convention). Its message is written for
 * the user. Anything else thrown is a bug, and no caller should catch it to hide it.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
