/**
 * The graphgrad CLI: `npm run --silent graphgrad -- <command> ...`. Runs from source with tsx, no
 * build step. Every failure prints plain lines naming what is wrong, never a stack trace.
 */
import { computeGradients } from '../autodiff/compute.ts';
import { formatNumber } from '../core/number-format.ts';
import { GRADCHECK_TOLERANCE, gradCheck } from '../autodiff/gradcheck.ts';
import { modelJsonSchema } from '../core/model.ts';
import { opReferenceMarkdown } from '../ops/reference.ts';
import { CliError, cliJson, parseArgs, readModel, table } from './io.ts';
import { trainCommand, TRAIN_USAGE } from './train.ts';
import { loadExpressionOps } from '../expr/load.ts';
import { exportCommand } from './export.ts';
import { gradeCommand, lessonCommand, LESSON_USAGE } from './lesson.ts';

const TOLERANCE = GRADCHECK_TOLERANCE.toExponential(0); // 1e-6

const USAGE = `Usage: graphgrad <command> [options]

Commands:
  validate <model.json>          check a model; prints "ok" or every problem
  grad <model.json> [--json]     forward and reverse mode from the loss
  gradcheck <model.json>         compare reverse mode with finite differences (fails above ${TOLERANCE})
${TRAIN_USAGE}
  schema                         print the JSON Schema of the model format (docs/model.schema.json)
  ops                            print the op reference as a Markdown table (used in docs/format.md)
  export <model.json> --to onnx|pytorch|json [--out <file>]
                                 write the model for ONNX Runtime, PyTorch, or as canonical JSON
${LESSON_USAGE}
`;

type Command = (argv: string[]) => number | Promise<number>;

const commands: Record<string, Command> = {
  train: trainCommand,

  async validate(argv) {
    const { positional } = parseArgs(argv);
    await readModel(positional[0]);
    console.log('ok');
    return 0;
  },

  async grad(argv) {
    const { positional, flags } = parseArgs(argv, ['json']);
    const { model, graph } = await readModel(positional[0]);
    const r = computeGradients(model);
    if (flags.has('json')) {
      console.log(cliJson(r)); // ±∞ and NaN as "Infinity", "-Infinity", "NaN", not null
      return 0;
    }
    const f = (v: number) => formatNumber(v, 6);
    console.log(`loss: ${r.loss} = ${f(r.values[r.loss])}\n`);
    // A layer macro has no value of its own: one row per output, read off the primitive computing it.
    const rows = model.nodes.flatMap((n) => {
      const outputs = graph.macros.get(n.id)?.outputs;
      if (!outputs) return [[n.id, n.op, f(r.values[n.id]), f(r.grads[n.id])]];
      return outputs.map((o, p) => [`${n.id}[${p}] (${o})`, n.op, f(r.values[o]), f(r.grads[o])]);
    });
    console.log(table(['node', 'op', 'value', `d${r.loss}/d(node)`], rows));
    console.log('');
    console.log(
      table(
        ['edge', 'port', 'local', 'upstream', 'contribution'],
        r.edges.map((e) => [`${e.source} -> ${e.target}`, String(e.port), f(e.local), f(e.upstream), f(e.contribution)]),
      ),
    );
    return 0;
  },

  async gradcheck(argv) {
    const { positional } = parseArgs(argv);
    const { graph } = await readModel(positional[0]);
    const rows = gradCheck(graph);
    const f = (v: number) => formatNumber(v, 8);
    console.log(
      table(
        ['node', 'op', 'analytic', 'numeric', 'rel. error'],
        rows.map((r) => [r.id, r.op, f(r.analytic), f(r.numeric), r.relError.toExponential(2)]),
      ),
    );
    const bad = rows.filter((r) => !(r.relError <= GRADCHECK_TOLERANCE));
    if (bad.length) {
      console.log(`\nFAILED: ${bad.length} gradient(s) off by more than ${TOLERANCE}: ${bad.map((r) => r.id).join(', ')}`);
      return 1;
    }
    console.log(`\nok: ${rows.length} gradients match finite differences within ${TOLERANCE}`);
    return 0;
  },

  export: exportCommand,
  lesson: lessonCommand,
  grade: gradeCommand,

  async schema() {
    await loadExpressionOps(); // the schema and the op reference list every op, expr included
    console.log(JSON.stringify(modelJsonSchema(), null, 2));
    return 0;
  },

  async ops() {
    await loadExpressionOps();
    console.log(opReferenceMarkdown());
    return 0;
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const cmd = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!cmd) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await cmd(rest);
  } catch (e) {
    if (e instanceof CliError) for (const line of e.lines) console.error(line);
    else console.error(`Error: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
