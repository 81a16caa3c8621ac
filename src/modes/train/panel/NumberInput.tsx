import { useEffect, useState } from 'react';
import { parseDecimal } from '../../../ui/numberText.ts';

/** A number field that commits on Enter or blur, and puts the last good value back when out of range. */
export function NumberInput({
  label,
  value,
  onCommit,
  min,
  max,
  step,
  placeholder,
  id,
}: {
  label: string;
  value: number | undefined;
  onCommit: (v: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  id: string;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const commit = () => {
    if (text.trim() === '') return onCommit(undefined);
    const v = parseDecimal(text);
    if (Number.isFinite(v) && (min === undefined || v >= min) && (max === undefined || v <= max)) onCommit(v);
    else setText(value === undefined ? '' : String(value));
  };
  return (
    <label className="train-field" htmlFor={`train-f-${id}`}>
      <span>{label}</span>
      <input
        id={`train-f-${id}`}
        type="number"
        value={text}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}
