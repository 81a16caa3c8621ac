/**
 * A number input that applies every parseable value at once (live values downstream) and keeps
 * the half-typed text ("0.", "-") while the user is typing.
 */
import { useEffect, useId, useState } from 'react';

export function NumberField({ label, value, onChange, hint }: { label: string; value: number; onChange: (v: number) => void; hint?: string }) {
  const [text, setText] = useState(String(value));
  const id = useId();
  useEffect(() => {
    // Follow the model (undo, another edit) unless the text already means this value.
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value)));
  }, [value]);
  const parsed = Number(text);
  const invalid = text.trim() === '' || !Number.isFinite(parsed);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className={`nodrag${invalid ? ' is-invalid' : ''}`}
        value={text}
        aria-invalid={invalid}
        title={hint}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(v)) onChange(v);
        }}
        onBlur={() => setText(String(value))}
      />
    </div>
  );
}
