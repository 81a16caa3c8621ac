/**
 * CSV: a header row of column names, then rows of numbers. Separator is a comma (or semicolon /
 * tab when the header uses one); fields may be double-quoted; spaces around a field are ignored. Every error names the line (1-based,
 * as an editor shows it) and, for a bad value, the column.
 */
import { DataError, fromRows, type Dataset } from './dataset.ts';
import { MAX_POINTS } from '../core/limits.ts';

/**
 * A CSV number: a plain decimal, optional sign, digits, optional fraction, optional exponent (-1.5,
 * .5, 2e-3). Number() alone would also take 0x10, 0b1, 0o7, Infinity and "", which are not data.
 */
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function splitLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/**
 * The lines of `text` one at a time, with their 1-based numbers: a file far over the row limit is
 * refused after reading just past the limit, not after splitting all of it (a 4,000,000-row file
 * took seconds to split, and as much memory again as its text).
 */
function* linesOf(text: string): Generator<[line: string, number: number]> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let number = 1; start <= text.length; number++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield [text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end), number];
    start = end + 1;
  }
}

export function parseCsv(text: string, name = 'data.csv'): Dataset {
  const lines = linesOf(text);
  let headerLine: string | undefined;
  let first = 0;
  // Read by hand: leaving a for-of with break would close the generator for the rows below.
  for (let next = lines.next(); !next.done; next = lines.next()) {
    const [line, number] = next.value;
    if (line.trim() === '') continue;
    headerLine = line;
    first = number - 1;
    break;
  }
  if (headerLine === undefined) throw new DataError(`${name}: the file is empty; expected a header row of column names, then rows of numbers.`);
  const sep = headerLine.includes(',') ? ',' : headerLine.includes(';') ? ';' : headerLine.includes('\t') ? '\t' : ',';
  const header = splitLine(headerLine, sep);
  header.forEach((h, c) => {
    if (!h) throw new DataError(`${name}: line ${first + 1}, column ${c + 1}: the header has an empty column name.`);
    if (DECIMAL.test(h))
      throw new DataError(`${name}: line ${first + 1}: the first row must be a header of column names, but column ${c + 1} is the number ${h}.`);
    const dup = header.indexOf(h);
    if (dup !== c) throw new DataError(`${name}: line ${first + 1}: column name "${h}" appears twice (columns ${dup + 1} and ${c + 1}).`);
  });
  const rows: number[][] = [];
  // The generator goes on from the line after the header.
  for (const [line, number] of lines) {
    const i = number - 1;
    if (line.trim() === '') continue;
    if (rows.length === MAX_POINTS)
      throw new DataError(`${name}: line ${i + 1}: the file has more than ${MAX_POINTS.toLocaleString('en')} data rows, the most GraphGrad trains on.`);
    const fields = splitLine(line, sep);
    if (fields.length !== header.length) {
      throw new DataError(
        `${name}: line ${i + 1} has ${fields.length} field${fields.length === 1 ? '' : 's'}, but the header has ${header.length} (${header.join(', ')}).`,
      );
    }
    rows.push(
      fields.map((f, c) => {
        const v = DECIMAL.test(f) ? Number(f) : Number.NaN;
        if (!Number.isFinite(v)) {
          const why =
            f === ''
              ? 'the value is empty'
              : DECIMAL.test(f)
                ? `"${f}" is too large for a number`
                : `"${f}" is not a number (write plain decimals like 3, -1.5 or 2e-3)`;
          throw new DataError(`${name}: line ${i + 1}, column ${c + 1} ("${header[c]}"): ${why}.`);
        }
        return v;
      }),
    );
  }
  if (rows.length === 0) throw new DataError(`${name}: the file has a header but no data rows.`);
  // Without other knowledge the last column is the target; the model's binding usually decides.
  return fromRows(name, header, rows, { targets: [header[header.length - 1]] });
}
