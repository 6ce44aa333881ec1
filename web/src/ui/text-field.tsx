import type { InputHTMLAttributes } from 'react';
import { FieldError } from './status-messages.js';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  errors?: string[];
}

/** A labelled input with an optional hint and server-side field errors, linked by aria-describedby. */
export function TextField({ id, label, value, onChange, hint, errors, ...rest }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors && errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errorId ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
