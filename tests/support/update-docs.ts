// Regenerates the parts of docs/ written from code: the JSON Schema and the op reference.
// `npm run docs:update`; tests/docs.test.ts fails when they are stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { docsFromCode } from './docs-from-code.ts';

for (const { path, expected } of await docsFromCode()) {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== expected) {
    writeFileSync(path, expected);
    console.log(`updated ${path}`);
  }
}
