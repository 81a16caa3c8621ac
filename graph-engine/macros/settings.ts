/**
 * The attrs of each layer macro, declared once as a zod schema: their types (z.infer), defaults and
 * the values they accept. A schema registered in `settingFields` is also a field of the inspector's
 * form, with its label, hint and kind. How big a layer may be is not here: expand.ts counts what
 * the settings would build against core/limits.ts, which holds for every way in alike. Shapes that
 * depend on the wired inputs (a stored W's columns) are checked by each macro (layers.ts).
 */
import { z } from 'zod';
import { ACTIVATIONS, type Activation } from './activation.ts';
import type { RawAttrs } from './types.ts';

/** How the inspector shows one setting. */
export interface SettingField {
  label: string;
  /** A sentence on what the value does, shown with the field. */
  hint: string;
  /** count: a whole number; sizes: a list of them; activation: a choice of ACTIVATIONS; rate: a number in [0, 1). */
  kind: 'count' | 'sizes' | 'activation' | 'rate';
  /** Changing it changes the weight shapes: the stored weights are dropped and drawn afresh. */
  reshapes?: boolean;
}

/** The settings the inspector shows: each registered schema is one field of its macro's form. */
const settingFields = z.registry<SettingField>();

/** What an attr means in docs/format.md, and its default when the schema has none to show (seeded init). */
export interface AttrDoc {
  meaning: string;
  default?: string;
}

/** Every attr's documentation, read by macros/reference.ts: each schema below registers its own. */
export const attrDocs = z.registry<AttrDoc>();

/** The value a message quotes: numbers as written (NaN, Infinity too), the rest as JSON. */
const shown = (v: unknown) => (typeof v === 'number' ? String(v) : JSON.stringify(v));
const got = (v: unknown) => (v === undefined ? '' : ` (got ${shown(v)})`);

const wholeText = 'must be a whole number of at least 1';
/**
 * A width: a whole number of at least 1, and no upper bound here: the layer's size is counted
 * against the model limits instead (1e300 is refused there, with what it would build).
 */
const count = z
  .number({ error: (i) => `${wholeText}${got(i.input)}` })
  .refine((n) => Number.isInteger(n) && n >= 1, { error: (i) => `${wholeText}${got(i.input)}` });

const finite = z.number({ error: (i) => `must be a finite number${got(i.input)}` });
const vector = z.array(finite, { error: 'must be an array of finite numbers' });
const matrix = z.array(z.array(finite, { error: 'must be an array of finite numbers (one per input)' }), {
  error: 'must be an array of rows of finite numbers',
});

const activationName = z.enum(ACTIVATIONS, { error: (i) => `must be one of ${ACTIVATIONS.join(', ')}${got(i.input)}` });
const activation = (fallback: Activation) => activationName.default(fallback);

/** Slope of leaky_relu / scale of elu; when absent, the primitive's own default (ops/registry.ts). */
const alpha = (meaning: string, fallback?: string) => finite.optional().register(attrDocs, { meaning, default: fallback });

const rateText = 'must be a number at least 0 and below 1';
/**
 * A dropout rate p: each output of the layer is zeroed with probability p in a training step (and
 * the rest scaled by 1/(1 − p)); 0, the default, adds no dropout nodes at all.
 */
const dropoutRate = (hint: string) =>
  z
    .number({ error: (i) => `${rateText}${got(i.input)}` })
    .refine((p) => p >= 0 && p < 1, { error: (i) => `${rateText}${got(i.input)}` })
    .default(0)
    .register(settingFields, { label: 'Dropout', hint, kind: 'rate' });

const ACTIVATION_LIST = `${ACTIVATIONS.slice(0, -1)
  .map((a) => `\`${a}\``)
  .join(', ')} or \`${ACTIVATIONS.at(-1)}\``;

export const NeuronSettings = z.object({
  activation: activation('sigmoid')
    .register(settingFields, { label: 'Activation', hint: 'Applied to w·x + b.', kind: 'activation' })
    .register(attrDocs, { meaning: ACTIVATION_LIST }),
  alpha: alpha('slope of `leaky_relu` / scale of `elu`', '0.01 / 1'),
  w: vector.optional().register(attrDocs, { meaning: 'weights, one per input: `[w0, …, wk-1]`', default: 'seeded init' }),
  b: finite.optional().register(attrDocs, { meaning: 'bias (number)', default: '0' }),
});

export const DenseSettings = z.object({
  units: count
    .default(1)
    .register(settingFields, { label: 'Units', hint: 'Neurons in the layer, each an output.', kind: 'count', reshapes: true })
    .register(attrDocs, { meaning: 'number of neurons (whole number ≥ 1)' }),
  activation: activation('none')
    .register(settingFields, { label: 'Activation', hint: "Applied to each unit's w·x + b.", kind: 'activation' })
    .register(attrDocs, { meaning: 'as for `neuron`' }),
  dropout: dropoutRate('Rate p in [0, 1): in training steps each output is zeroed with probability p, the rest scaled by 1/(1 − p).').register(attrDocs, {
    meaning: "rate p, 0 ≤ p < 1, of a `dropout` node after each unit's activation (none at 0)",
  }),
  alpha: alpha('as for `neuron`', '0.01 / 1'),
  W: matrix.optional().register(attrDocs, { meaning: 'weights, one row per unit, one column per input: `W[j][i]`', default: 'seeded init' }),
  b: vector.optional().register(attrDocs, { meaning: 'biases, one per unit', default: 'zeros' }),
});

const sizesText = 'must be a non-empty array of layer widths (whole numbers >= 1), e.g. [8, 8, 1]';

export const MlpSettings = z.object({
  // No default: an MLP without sizes is an error to report, not a one-unit layer.
  sizes: z
    .array(count, { error: sizesText })
    .min(1, sizesText)
    .register(settingFields, {
      label: 'Layer sizes',
      hint: 'Widths of the layers, the last one the outputs, e.g. 8, 8, 1.',
      kind: 'sizes',
      reshapes: true,
    })
    .register(attrDocs, { meaning: 'widths of the layers, last = outputs, e.g. `[8, 8, 1]`' }),
  activation: activation('tanh')
    .register(settingFields, { label: 'Hidden activation', hint: 'Applied in every layer but the last.', kind: 'activation' })
    .register(attrDocs, { meaning: "hidden layers' activation" }),
  outputActivation: activation('none')
    .register(settingFields, { label: 'Output activation', hint: 'Applied in the last layer.', kind: 'activation' })
    .register(attrDocs, { meaning: "last layer's activation" }),
  dropout: dropoutRate(
    'Rate p in [0, 1) after every hidden layer: in training steps each hidden output is zeroed with probability p, the rest scaled by 1/(1 − p).',
  ).register(attrDocs, { meaning: 'rate p, 0 ≤ p < 1, of a `dropout` node after each hidden unit (none after the last layer, none at 0)' }),
  /** One per layer; overrides the two above. */
  activations: z
    .array(activationName, { error: 'must be an array of activations, one per layer' })
    .optional()
    .register(attrDocs, { meaning: 'one per layer; overrides the two above' }),
  alpha: alpha('for `leaky_relu` / `elu` layers'),
  W: z
    .array(matrix, { error: 'must hold one array of rows per layer' })
    .optional()
    .register(attrDocs, { meaning: 'weights per layer: `W[L][j][i]`', default: 'seeded init' }),
  b: z
    .array(vector, { error: 'must hold one array of biases per layer' })
    .optional()
    .register(attrDocs, { meaning: 'biases per layer: `b[L][j]`', default: 'zeros' }),
});

export const SoftmaxSettings = z.object({});

export type NeuronSettings = z.infer<typeof NeuronSettings>;
export type DenseSettings = z.infer<typeof DenseSettings>;
export type MlpSettings = z.infer<typeof MlpSettings>;

/** A problem with one attr: where in the attrs (`W`, `sizes[2]`) and what, as a phrase. */
export interface AttrProblem {
  attr: string;
  text: string;
}

/** `attr "W[1]" has 3 entries, ...`: the phrase messages use, without the node. */
export const attrPhrase = (p: AttrProblem) => `attr ${JSON.stringify(p.attr)} ${p.text}`;

export type SettingsRead<S> = { settings: S; problems?: undefined } | { settings?: undefined; problems: AttrProblem[] };

/**
 * The settings the attrs hold, or their problems: the first per attr (a stored W of 100,000 bad
 * numbers is one problem, not 100,000).
 */
export function readSettings<S>(schema: z.ZodType<S>, attrs: RawAttrs): SettingsRead<S> {
  const r = schema.safeParse(attrs);
  if (r.success) return { settings: r.data };
  const byAttr = new Map<PropertyKey, AttrProblem>();
  for (const i of r.error.issues) {
    const [head, ...rest] = i.path;
    if (byAttr.has(head)) continue;
    byAttr.set(head, { attr: String(head) + rest.map((k) => `[${String(k)}]`).join(''), text: i.message });
  }
  return { problems: [...byAttr.values()] };
}

/** The value a setting holds, or its default when it is missing or wrong: what a card shows while the attrs are being fixed. */
export function settingOrDefault<S extends z.ZodDefault>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  return r.success ? r.data : schema.parse(undefined);
}

/** One field of a macro's settings form. */
export interface SettingFormField extends SettingField {
  attr: string;
  /** The value when the attr is absent, or undefined when the attr is required. */
  fallback: unknown;
}

/** The fields the inspector shows for a macro's settings schema, in declaration order. */
export function settingForm(schema: z.ZodObject): SettingFormField[] {
  const out: SettingFormField[] = [];
  for (const [attr, s] of Object.entries(schema.shape)) {
    const field = settingFields.get(s);
    if (!field) continue;
    const d = s.safeParse(undefined);
    out.push({ ...field, attr, fallback: d.success ? d.data : undefined });
  }
  return out;
}
