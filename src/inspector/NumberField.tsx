/**
 * A number input that applies every parseable value at once (live values downstream) and keeps
 * the half-typed text ("0.", "-") while the user is typing.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberText, parseDecimal as parse } from '../ui/numberText.ts';
import { useLanguage } from '../i18n/i18n.ts';

export function NumberField({ label, value, onChange, hint }: { label: string; value: number; onChange: (v: number) => void; hint?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(numberText(value));
  const id = useId();
  const lang = useLanguage();
  const [shownIn, setShownIn] = useState(lang);
  useEffect(() => {
    // Follow the model (undo, another edit) unless the text already means this value; a new
    // language rewrites it with that language's decimal separator.
    setText((typed) => (parse(typed) === value && shownIn === lang ? typed : numberText(value)));
    setShownIn(lang);
  }, [value, lang, shownIn]);
  const parsed = parse(text);
  const invalid = text.trim() === '' || !Number.isFinite(parsed);
  // Say why nothing changed: an empty field, a typo, or a number too large for float64.
  const problem = !invalid
    ? undefined
    : text.trim() === ''
      ? t('inspector.number.empty')
      : Number.isNaN(parsed)
        ? t('inspector.number.notNumber', { text, value: numberText(value) })
        : t('inspector.number.tooLarge', { text, value: numberText(value) });
  const errorId = `${id}-error`;
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
        aria-describedby={problem ? errorId : undefined}
        title={hint}
        onChange={(e) => {
          setText(e.target.value);
          const v = parse(e.target.value);
          if (Number.isFinite(v)) onChange(v);
        }}
        onBlur={() => setText(numberText(value))}
      />
      {problem && (
        <div className="field__error" id={errorId} role="status">
          {problem}
        </div>
      )}
    </div>
  );
}
