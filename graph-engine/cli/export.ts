/** `graphgrad export <model.json> --to onnx|pytorch|json --out <file>` */
import { serializeModel } from '../core/model.ts';
import { exportOnnx } from '../export/onnx.ts';
import { ONNX_OPSET } from '../export/opset.ts';
import { ensureDataset } from '../data/real/load.ts';
import { exportPytorch } from '../export/pytorch.ts';
import { checkWritable, CliError, parseArgs, readModel, writeFileAtomic } from './io.ts';

const FORMATS = ['onnx', 'pytorch', 'json'] as const;

export async function exportCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const to = flags.get('to');
  if (!to || !(FORMATS as readonly string[]).includes(to)) throw new CliError(`--to must be one of ${FORMATS.join(', ')}.`);
  const out = flags.get('out');
  if (!out && to === 'onnx') throw new CliError('--out <file> is required for ONNX (a binary file).');
  const { model } = await readModel(positional[0]);
  if (out) checkWritable(out);
  let data: string | Uint8Array;
  let summary: string;
  try {
    if (to === 'onnx') {
      const r = exportOnnx(model);
      data = r.bytes;
      summary = `ONNX opset ${ONNX_OPSET}: inputs ${r.inputs.join(', ') || '(none)'}; outputs ${r.outputs.join(', ')}`;
    } else if (to === 'pytorch') {
      await ensureDataset(model.training?.dataset); // its training rows go into the script
      data = exportPytorch(model);
      summary = 'PyTorch script: run `python <file>` for the self-check, `--train` to train';
    } else {
      data = serializeModel(model);
      summary = 'JSON model v1';
    }
  } catch (e) {
    throw new CliError((e as Error).message.split('\n'));
  }
  if (!out) {
    process.stdout.write(data);
    return 0;
  }
  writeFileAtomic(out, data);
  console.log(`wrote ${out} (${summary})`);
  return 0;
}
