import {
  useId,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type SubmitEventHandler,
} from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './alert';
import { TextAreaField } from './text-area-field';

export interface ReasonDialogProps {
  title: string;
  /** The label of the reason's field. */
  label: string;
  hint?: string | undefined;
  /** Characters, once trimmed. */
  minLength?: number;
  maxLength?: number;
  submitLabel: string;
  busyLabel: string;
  /** The move is hard to undo: the submit button says so in red. */
  danger?: boolean;
  busy: boolean;
  /** Why the last attempt failed. */
  error?: string | null | undefined;
  /** A field error from the server for the reason itself. */
  reasonError?: string | undefined;
  /** Extra fields above the reason (a date, a choice). */
  children?: ReactNode;
  /** Checks the extra fields; a message stops the submission. */
  validate?: () => string | null;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  testId?: string;
}

/**
 * A small inline dialog that asks why (declining an offer, pausing a listing, hiding a
 * comment): the reason is checked for length before anything is sent. Escape cancels.
 */
export function ReasonDialog({
  title,
  label,
  hint,
  minLength = 1,
  maxLength = 2000,
  submitLabel,
  busyLabel,
  danger = false,
  busy,
  error,
  reasonError,
  children,
  validate,
  onSubmit,
  onCancel,
  testId,
}: ReasonDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [formProblem, setFormProblem] = useState<string | null>(null);

  const submit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const trimmed = reason.trim();
    const length = trimmed.length;
    const tooShort =
      length === 0
        ? t('validation.required')
        : length < minLength
          ? t('reasonDialog.tooShort', { count: minLength })
          : undefined;
    const tooLong =
      length > maxLength ? t('reasonDialog.tooLong', { count: maxLength }) : undefined;
    const found = tooShort ?? tooLong;
    const other = validate?.() ?? null;
    setProblem(found);
    setFormProblem(other);
    if (found || other) return;
    onSubmit(trimmed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  return (
    <div className="reason-dialog-row">
      <div
        className="report-dialog reason-dialog"
        role="dialog"
        aria-labelledby={`${id}-title`}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h3 id={`${id}-title`}>{title}</h3>
        <form className="form" noValidate onSubmit={submit} aria-busy={busy}>
          {children}
          <TextAreaField
            name="reason"
            label={label}
            hint={hint ?? t('reasonDialog.hint', { min: minLength, max: maxLength })}
            error={problem ?? reasonError}
            value={reason}
            rows={3}
            maxLength={maxLength}
            // The first thing to do in a dialog that asks why.
            autoFocus={!children}
            onChange={(event) => {
              setReason(event.target.value);
              setProblem(undefined);
            }}
          />
          <FormError message={formProblem ?? error} />
          <div className="button-row">
            <button
              type="submit"
              className={danger ? 'button button-danger' : 'button button-primary'}
              disabled={busy}
            >
              {busy ? busyLabel : submitLabel}
            </button>
            <button type="button" className="button button-ghost" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
