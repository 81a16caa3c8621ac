// What the generated parts of docs/ should contain, computed from the engine.
import { readFileSync } from 'node:fs';
import * as engine from '../../graph-engine/index.ts';
import { modelJsonSchema } from '../../graph-engine/index.ts';
import { macroAttrReferenceMarkdown } from '../../graph-engine/macros/reference.ts';
import { opReferenceMarkdown } from '../../graph-engine/ops/reference.ts';
import { checkReferenceMarkdown } from '../../graph-engine/lessons/reference.ts';
import { lessonJsonSchema } from '../../graph-engine/index.ts';

const root = new URL('../../', import.meta.url);

export async function docsFromCode(): Promise<{ path: string; expected: string }[]> {
  // Lazily registered ops (expression nodes) belong in the reference too.
  const load = (engine as { loadExpressionOps?: () => Promise<void> }).loadExpressionOps;
  if (load) await load();
  const formatPath = new URL('docs/format.md', root).pathname;
  const format = readFileSync(formatPath, 'utf8')
    .replace(/<!-- ops:begin -->[\s\S]*<!-- ops:end -->/, `<!-- ops:begin -->\n${opReferenceMarkdown()}\n<!-- ops:end -->`)
    .replace(
      /<!-- macro-attrs:begin -->[\s\S]*<!-- macro-attrs:end -->/,
      `<!-- macro-attrs:begin -->\n${macroAttrReferenceMarkdown()}\n<!-- macro-attrs:end -->`,
    );
  const lessonsPath = new URL('docs/lessons.md', root).pathname;
  const lessons = readFileSync(lessonsPath, 'utf8').replace(
    /<!-- checks:begin -->[\s\S]*<!-- checks:end -->/,
    `<!-- checks:begin -->\n${checkReferenceMarkdown()}\n<!-- checks:end -->`,
  );
  return [
    { path: new URL('docs/model.schema.json', root).pathname, expected: `${JSON.stringify(modelJsonSchema(), null, 2)}\n` },
    { path: formatPath, expected: format },
    { path: new URL('docs/lesson.schema.json', root).pathname, expected: `${JSON.stringify(lessonJsonSchema(), null, 2)}\n` },
    { path: lessonsPath, expected: lessons },
  ];
}
