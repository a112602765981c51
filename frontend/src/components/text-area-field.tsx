import { useId, type TextareaHTMLAttributes } from 'react';

type TextAreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'name' | 'aria-invalid' | 'aria-describedby'
>;

export interface TextAreaFieldProps extends TextAreaProps {
  name: string;
  label: string;
  hint?: string | undefined;
  /** Shown beside the field, linked to it for screen readers. */
  error?: string | undefined;
}

/** A labelled multi-line input with its hint and its error, like {@link TextField}. */
export function TextAreaField({ name, label, hint, error, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        {...textarea}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p id={errorId} className="field-error" data-testid={`field-error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
