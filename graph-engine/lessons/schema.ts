/**
 * Lesson file format, version 1 (docs/lessons.md): a title, a summary and ordered steps, each with
 * Markdown text, a model (inline or a sample's name), the mode to open it in, what to highlight and
 * an optional task of checks. Like the model format, the zod schema below is the single source of
 * the runtime checks and of the shipped JSON Schema (docs/lesson.schema.json). Objects are loose:
 * unknown fields are kept, so a lesson round-trips through every tool.
 */
import { z } from 'zod';
import { formatHeaderProblem, jsonPath, parseModel, type Model, type Problem } from '../core/model.ts';
import { TrainingSchema } from '../core/training.ts';

export const LESSON_FORMAT = 'graphgrad-lesson';
const LESSON_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const text = z.string().min(1, 'must be a non-empty text');
/** Checks find nodes by id first, then by label (what the student sees and types when building). */
const nodeRef = z.string().min(1, 'must name a node (its id or its label)').describe('a node: its id, or the label the student sees');
const tolerance = z.number().min(0, 'must be 0 or more');
/** A check's id: how answers are keyed and how results name it. */
const checkId = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1 to 64 letters, digits, "_", "-" or "."')
  .describe('names the check: answers are keyed by it');

/** Fields every check may carry. */
const common = {
  id: checkId.optional(),
  describe: text.optional().describe('what the check asks, in the student\'s words (default: generated, e.g. "J = 33")'),
  hint: text.optional().describe('the message shown when the check fails, replacing the generated one; {actual}, {target} and {tolerance} are filled in'),
};

/** Training before a check: the model's own "training" block with these settings on top (seeded: deterministic). */
const train = TrainingSchema.describe('train first: the model\'s "training" block with these settings on top (seed included)');
const split = z.enum(['train', 'validation', 'test']).describe('which rows the metric is taken over (default test, else train)');

const ValueCheckSchema = z
  .looseObject({
    kind: z.literal('value'),
    node: nodeRef,
    target: finite.describe('the value the task wants'),
    tolerance: tolerance.optional().describe('|value − target| ≤ tolerance (default 1e-6)'),
    train: train.optional(),
    ...common,
  })
  .describe("A node's value is the target, within the tolerance (after training, with `train`).");
const GradientCheckSchema = z
  .looseObject({
    kind: z.literal('gradient'),
    node: nodeRef,
    target: finite.describe('the gradient ∂loss/∂node the task wants'),
    tolerance: tolerance.optional().describe('|gradient − target| ≤ tolerance (default 1e-6)'),
    ...common,
  })
  .describe("A node's gradient ∂loss/∂node is the target, within the tolerance.");
const LossCheckSchema = z
  .looseObject({
    kind: z.literal('loss'),
    below: finite.describe('the loss must be below this'),
    train: train.optional().describe("train first and take the loss over `split`; without it, the loss node's value as the graph stands"),
    split: split.optional(),
    ...common,
  })
  .describe("The loss is below a bound: the loss node's value as the graph stands, or after training with `train`.");
const AccuracyCheckSchema = z
  .looseObject({
    kind: z.literal('accuracy'),
    atLeast: z
      .number()
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1 (0.9 is 90%)')
      .describe('the lowest accuracy that passes, 0 to 1 (0.9 is 90%)'),
    train: train.optional().describe("settings on top of the model's training block (default: the block as it is)"),
    split: split.optional(),
    ...common,
  })
  .describe('After seeded training, the accuracy over `split` is at least `atLeast`.');
const OpCheckSchema = z
  .looseObject({
    kind: z.literal('contains-op'),
    op: text.describe('an op name, e.g. "relu", "dense"'),
    atLeast: z.number().int().min(1).optional().describe('how many such nodes (default 1)'),
    ...common,
  })
  .describe('The graph uses an op (also inside layers: a dense layer with ReLU has relu nodes).');
const ParamsCheckSchema = z
  .looseObject({
    kind: z.literal('max-params'),
    count: z.number().int().min(0, 'must be 0 or more').describe('most trainable parameters allowed, layer weights included'),
    ...common,
  })
  .describe('At most `count` trainable parameters (param nodes and layer weights).');
const PathCheckSchema = z
  .looseObject({
    kind: z.literal('path'),
    from: nodeRef.describe('where the path starts'),
    to: nodeRef.describe('where it ends'),
    exists: z.boolean().optional().describe('true (default): the task wants a path from → to; false: it wants none'),
    ...common,
  })
  .describe('There is (or, with `exists: false`, is not) a path of edges from `from` to `to`.');
const NoCycleCheckSchema = z
  .looseObject({
    kind: z.literal('no-cycle'),
    through: nodeRef.optional().describe('only cycles through this node count (default: any cycle)'),
    ...common,
  })
  .describe('No cycle (through `through`); the cycle is shown when there is one.');
const OutputCheckSchema = z
  .looseObject({
    kind: z.literal('output'),
    name: text.describe('the label (or id) of the node the graph ends in: nothing but a loss op reads it'),
    ...common,
  })
  .describe('The graph ends in the named node: nothing reads it but a loss op.');

/** The engine-computed number a typed answer is compared with. */
const QuantitySchema = z.union([
  z.strictObject({ value: nodeRef }).describe("a node's value"),
  z.strictObject({ gradient: nodeRef }).describe("∂loss/∂node, the node's gradient"),
  z.strictObject({ local: z.strictObject({ from: nodeRef, to: nodeRef }) }).describe('the local derivative ∂to/∂from along the edge(s) from → to'),
]);
const AnswerCheckSchema = z
  .looseObject({
    kind: z.literal('answer'),
    id: checkId,
    prompt: text.describe('what to type, in Markdown with KaTeX, e.g. "Type $\\partial J/\\partial b$."'),
    quantity: QuantitySchema.describe('what the engine computes: {"value": node}, {"gradient": node} or {"local": {"from": node, "to": node}}'),
    tolerance: tolerance.optional().describe('|answer − quantity| ≤ tolerance (default 0.01)'),
    describe: common.describe,
    hint: common.hint,
  })
  .describe('A number the student types (answers keyed by `id`) equals a quantity the engine computes, within the tolerance.');

/** Every check kind, in the order docs/lessons.md lists them. */
export const CHECK_SCHEMAS = [
  ValueCheckSchema,
  GradientCheckSchema,
  AnswerCheckSchema,
  LossCheckSchema,
  AccuracyCheckSchema,
  OpCheckSchema,
  ParamsCheckSchema,
  PathCheckSchema,
  NoCycleCheckSchema,
  OutputCheckSchema,
] as const;
const CHECK_KINDS = CHECK_SCHEMAS.map((s) => s.shape.kind.value);
export type CheckKind = (typeof CHECK_SCHEMAS)[number]['shape']['kind']['value'];

const CheckSchema = z.discriminatedUnion('kind', CHECK_SCHEMAS, { error: () => `must be one of ${CHECK_KINDS.map((k) => `"${k}"`).join(', ')}` });

/** A sample by its file name in samples/ without ".json" (as `/?sample=<name>` takes it). */
const SampleRefSchema = z.strictObject({ sample: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a sample name like "chain-rule"') });

/**
 * A model, inline or by sample name. Inline models are checked against the model format here (zod
 * path included); the graph rules (ops, ports, cycles) are `checkLesson`'s, as they need the ops.
 */
const ModelRefSchema = z
  .custom<ModelRef>(() => true)
  .superRefine((v, ctx) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'sample' in v) {
      const r = SampleRefSchema.safeParse(v);
      if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
      return;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', message: 'must be a model ({"format": "graphgrad", ...}) or a sample reference ({"sample": "chain-rule"})' });
      return;
    }
    // The model's own messages name the field and node (`nodes[0].op (node "a"): ...`); the lesson path goes in front.
    for (const p of parseModel(v).problems) ctx.addIssue({ code: 'custom', message: p.message });
  });
export type ModelRef = Model | { sample: string };

const TaskSchema = z.looseObject({
  checks: z.array(CheckSchema).min(1, 'a task needs at least one check'),
  hints: z.array(text).optional().describe('shown one at a time, in order'),
  solution: z
    .looseObject({
      model: ModelRefSchema.optional().describe("a graph that passes every check (default: the step's model)"),
      answers: z.record(z.string(), finite).optional().describe('the typed answers, by answer check id'),
      text: text.optional().describe('the worked solution in Markdown, for the teacher to reveal'),
    })
    .optional()
    .describe('what `graphgrad lesson check` runs the checks on; the teacher may reveal it'),
});

const MODES = ['build', 'teach', 'train'] as const;

const StepSchema = z.looseObject({
  title: text.optional(),
  text: text.describe('Markdown with KaTeX math ($...$ and $$...$$)'),
  model: ModelRefSchema.describe('the graph the step opens: a model, or {"sample": "<name>"}'),
  mode: z.enum(MODES),
  highlight: z
    .looseObject({
      nodes: z.array(nodeRef).optional().describe('node ids or labels to point at'),
      controls: z.array(text).optional().describe('names of controls to point at (docs/lessons.md lists them)'),
    })
    .optional(),
  task: TaskSchema.optional(),
});

export const LessonSchema = z.looseObject({
  format: z.literal(LESSON_FORMAT),
  version: z.literal(LESSON_VERSION),
  title: text,
  summary: text,
  steps: z.array(StepSchema).min(1, 'a lesson needs at least one step'),
});

export type Check = z.infer<typeof CheckSchema>;
export type AnswerCheck = z.infer<typeof AnswerCheckSchema>;
export type Quantity = z.infer<typeof QuantitySchema>;
export type LessonTask = z.infer<typeof TaskSchema>;
export type LessonStep = z.infer<typeof StepSchema>;
export type Lesson = z.infer<typeof LessonSchema>;

/** Where a problem is, in words: `steps[2].task.checks[0].node` → `step 3, check 1: node`. */
export function lessonPlace(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let rest = [...path];
  if (rest[0] === 'steps' && typeof rest[1] === 'number') {
    parts.push(`step ${rest[1] + 1}`);
    rest = rest.slice(2);
    if (rest[0] === 'task' && rest[1] === 'checks' && typeof rest[2] === 'number') {
      parts.push(`check ${rest[2] + 1}`);
      rest = rest.slice(3);
    }
  }
  return parts.length ? `${jsonPath(path)} (${parts.join(', ')})` : jsonPath(path);
}

/** Checks a parsed JSON value against the lesson schema. Returns problems naming step and field; never throws. */
export function parseLesson(data: unknown): { lesson?: Lesson; problems: Problem[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [{ message: `A lesson must be a JSON object with "format": "${LESSON_FORMAT}".`, path: '(root)' }] };
  }
  const rec = data as Record<string, unknown>;
  const hint = rec.format === 'graphgrad' ? ' This is a GraphGrad model, not a lesson.' : ' Is this a GraphGrad lesson?';
  const header = formatHeaderProblem(rec, LESSON_FORMAT, LESSON_VERSION, 'lesson', hint);
  if (header) return { problems: [header] };
  const r = LessonSchema.safeParse(data);
  const problems: Problem[] = r.success
    ? []
    : r.error.issues.map((i) => {
        const path = jsonPath(i.path);
        return { message: `${lessonPlace(i.path)}: ${i.message}`, path };
      });
  if (r.success) problems.push(...duplicateIds(data as Lesson));
  // The input itself, not zod's copy: key order and unknown fields stay as written.
  return problems.length ? { problems } : { lesson: data as Lesson, problems };
}

/** Check ids are unique within a task (answers are keyed by them). */
function duplicateIds(lesson: Lesson): Problem[] {
  const problems: Problem[] = [];
  lesson.steps.forEach((step, s) => {
    const seen = new Set<string>();
    step.task?.checks.forEach((c, k) => {
      if (c.id === undefined) return;
      const path = ['steps', s, 'task', 'checks', k, 'id'];
      if (seen.has(c.id)) problems.push({ message: `${lessonPlace(path)}: another check of this task is already called "${c.id}"`, path: jsonPath(path) });
      seen.add(c.id);
    });
  });
  return problems;
}

/** The JSON Schema of lesson format v1 (shipped as docs/lesson.schema.json). */
export function lessonJsonSchema(): Record<string, unknown> {
  const sampleRef = z.toJSONSchema(SampleRefSchema);
  delete sampleRef.$schema;
  const schema = z.toJSONSchema(LessonSchema, {
    unrepresentable: 'any',
    override: (ctx) => {
      // The one custom schema is ModelRefSchema (and its described copies): a model or a sample name.
      if (ctx.zodSchema._zod.def.type !== 'custom') return;
      const description = ctx.jsonSchema.description;
      for (const k of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[k];
      Object.assign(ctx.jsonSchema, {
        ...(description ? { description } : {}),
        anyOf: [{ $ref: 'https://graphgrad.dev/schema/model-v1.json' }, sampleRef],
      });
    },
  });
  return {
    ...schema,
    $id: 'https://graphgrad.dev/schema/lesson-v1.json',
    title: 'GraphGrad lesson, format version 1',
    description:
      'A lesson for GraphGrad: ordered steps, each opening a model in a mode, with an optional task of checks. See docs/lessons.md for what each check means.',
  };
}
