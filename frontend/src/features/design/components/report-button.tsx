import { useId, useRef, useState, type KeyboardEvent, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { ApiError } from '@/lib/api-client';
import { apiErrorMessage } from '@/lib/errors';
import { useCreateReport } from '../api/create-report';
import type { ReportReason, ReportTargetType } from '../types';

const REASONS: readonly ReportReason[] = ['spam', 'offensive', 'copyright', 'other'];
const NOTE_MAX = 1000;

/**
 * "Report" opens a small dialog (a reason, an optional note); once sent, or if this account had
 * already reported it, the button gives way to "Reported".
 */
export function ReportButton({
  targetType,
  targetId,
  label,
}: {
  targetType: ReportTargetType;
  targetId: string;
  /** The button's accessible name, e.g. "Report the comment by Ada". */
  label?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reported, setReported] = useState<'now' | 'before' | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  if (reported) {
    return (
      <span className="reported" role="status" data-testid="reported">
        {t('report.reported')}
        {reported === 'before' ? (
          <span className="muted"> {t('report.alreadyReported')}</span>
        ) : null}
      </span>
    );
  }
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="report">
      <button
        ref={buttonRef}
        type="button"
        className="link-button report-button"
        aria-expanded={open}
        aria-label={label}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        {t('report.report')}
      </button>
      {open ? (
        <ReportDialog
          targetType={targetType}
          targetId={targetId}
          onClose={close}
          onReported={(when) => {
            setOpen(false);
            setReported(when);
          }}
        />
      ) : null}
    </div>
  );
}

function ReportDialog({
  targetType,
  targetId,
  onClose,
  onReported,
}: {
  targetType: ReportTargetType;
  targetId: string;
  onClose: () => void;
  onReported: (when: 'now' | 'before') => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const report = useCreateReport();
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');

  const submit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const trimmed = note.trim();
    report.mutate(
      {
        target_type: targetType,
        target_id: targetId,
        reason,
        ...(trimmed ? { note: trimmed } : {}),
      },
      {
        onSuccess: () => {
          onReported('now');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'already_reported') onReported('before');
        },
      },
    );
  };

  // Escape closes the dialog and gives the focus back to its button.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    // The row keeps the dialog on a line of its own under the buttons around it.
    <div className="report-dialog-row">
      <div
        className="report-dialog"
        role="dialog"
        aria-labelledby={`${id}-title`}
        onKeyDown={onKeyDown}
      >
        <h3 id={`${id}-title`}>
          {targetType === 'design' ? t('report.titleDesign') : t('report.titleComment')}
        </h3>
        <form className="form" noValidate onSubmit={submit} aria-busy={report.isPending}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('report.reason')}</label>
            <select
              id={`${id}-reason`}
              className="select"
              value={reason}
              autoFocus
              onChange={(event) => {
                setReason(event.target.value as ReportReason);
              }}
            >
              {REASONS.map((value) => (
                <option key={value} value={value}>
                  {t(`report.reasons.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('report.note')}</label>
            <textarea
              id={`${id}-note`}
              value={note}
              maxLength={NOTE_MAX}
              rows={3}
              aria-describedby={`${id}-note-hint`}
              onChange={(event) => {
                setNote(event.target.value);
              }}
            />
            <p id={`${id}-note-hint`} className="field-hint">
              {t('report.noteHint', { max: NOTE_MAX })}
            </p>
          </div>
          {report.isError &&
          !(report.error instanceof ApiError && report.error.code === 'already_reported') ? (
            <Alert tone="error">{apiErrorMessage(report.error, t)}</Alert>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={report.isPending}>
              {report.isPending ? t('report.sending') : t('report.send')}
            </button>
            <button type="button" className="button button-ghost" onClick={onClose}>
              {t('report.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
