// The generated parts of docs/ (JSON Schema, op reference) match the code. Fix: npm run docs:update
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { docsFromCode } from './support/docs-from-code.ts';

it('docs/model.schema.json and the op reference in docs/format.md are up to date', async () => {
  for (const { path, expected } of await docsFromCode()) expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run docs:update`).toBe(expected);
});
