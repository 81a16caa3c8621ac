/** Reads a sample model from samples/ (throws with the problems if it is invalid). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseModelText, type Model } from '../../graph-engine/core/model.ts';

export function loadSample(name: string): Model {
  const path = fileURLToPath(new URL(`../../samples/${name}.json`, import.meta.url));
  const { model, problems } = parseModelText(readFileSync(path, 'utf8'));
  if (!model) throw new Error(problems.map((p) => p.message).join('\n'));
  return model;
}
