/** Every way into GraphGrad (file, link, autosave, CLI) goes through here: syntax, schema, graph. */
import { parseModel, parseModelText, type Model, type Problem } from './model.ts';
import { checkGraph, type BuildOptions, type Graph } from './graph.ts';

export interface Validated {
  model?: Model;
  graph?: Graph;
  problems: Problem[];
}

export function validateModel(data: unknown, options: BuildOptions = {}): Validated {
  const parsed = parseModel(data);
  if (!parsed.model) return { problems: parsed.problems };
  const { graph, problems } = checkGraph(parsed.model, options);
  return graph ? { model: parsed.model, graph, problems } : { model: parsed.model, problems };
}

export function validateModelText(text: string, options: BuildOptions = {}): Validated {
  const parsed = parseModelText(text);
  if (!parsed.model) return { problems: parsed.problems };
  return validateModel(parsed.model, options);
}
