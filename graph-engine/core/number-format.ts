/** Readable numbers: 4 significant digits, no trailing zeros, exponent only when it helps. */
export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e-4 && abs < 1e6) {
    // toPrecision can still give an exponent (e.g. 1.235e+5); Number() turns it back to plain digits.
    return String(Number(v.toPrecision(digits)));
  }
  const [m, e] = v.toExponential(digits - 1).split('e');
  return `${String(Number(m))}e${Number(e)}`;
}
