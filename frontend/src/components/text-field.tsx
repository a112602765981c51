import { useId, useState, type InputHTMLAttributes } from 'react';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'name' | 'aria-invalid' | 'aria-describedby'
>;

export interface TextFieldProps extends InputProps {
  name: string;
  label: string;
  hint?: string | undefined;
  /** Shown beside the field, linked to it for screen readers. */
  error?: string | undefined;
  /** Offer a show/hide button (password fields). */
  reveal?: { show: string; hide: string } | undefined;
}

/** A labelled input with its hint and its error, wired together for assistive technology. */
export function TextField({ name, label, hint, error, reveal, type, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [revealed, setRevealed] = useState(false);
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="field-control">
        <input
          {...input}
          id={id}
          name={name}
          type={reveal && revealed ? 'text' : type}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {reveal ? (
          <button
            type="button"
            className="field-reveal"
            aria-pressed={revealed}
            aria-controls={id}
            onClick={() => {
              setRevealed((value) => !value);
            }}
          >
            {revealed ? reveal.hide : reveal.show}
          </button>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className="field-error" data-testid={`field-error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
