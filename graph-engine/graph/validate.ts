/** Every way into GraphGrad (file, link, autosave, CLI) goes through here: syntax, schema, graph. */
import { parseModel, parseModelText, type Model, type Problem } from '../core/model.ts';
import { countProblem, sizeProblem, utf8Bytes } from '../core/limits.ts';
import { checkGraph, type BuildOptions, type Graph } from './build.ts';

export interface Validated {
  model?: Model;
  graph?: Graph;
  problems: Problem[];
}

export function validateModel(data: unknown, options: BuildOptions = {}): Validated {
  const tooMany = countProblem(data);
  if (tooMany) return { problems: [tooMany] };
  const parsed = parseModel(data);
  if (!parsed.model) return { problems: parsed.problems };
  const { graph, problems } = checkGraph(parsed.model, options);
  return graph ? { model: parsed.model, graph, problems } : { model: parsed.model, problems };
}

export function validateModelText(text: string, options: BuildOptions = {}): Validated {
  const tooBig = sizeProblem(utf8Bytes(text));
  if (tooBig) return { problems: [tooBig] };
  const parsed = parseModelText(text);
  if (!parsed.model) return { problems: parsed.problems };
  return validateModel(parsed.model, options);
}
