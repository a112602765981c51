import { useId, useState, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { ApiError } from '@/lib/api-client';
import { apiErrorMessage } from '@/lib/errors';
import type { TFunction } from 'i18next';
import { textLength } from '../utils/details';

/** The server keeps 1 to 2000 characters. */
const COMMENT_MAX = 2000;

/** Words for a comment the server refused. */
function commentErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'not_commentable') return t('comments.errors.notCommentable');
    if (error.code === 'edit_window_closed') return t('comments.errors.editWindowClosed');
    if (error.fieldError('parent_id')?.code === 'reply_depth') {
      return t('comments.errors.replyDepth');
    }
    const body = error.fieldError('body');
    if (body) return body.message;
  }
  return apiErrorMessage(error, t);
}

interface CommentFormProps {
  label: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  error: unknown;
  initial?: string;
  /** Resolves true once saved, to empty the field. */
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A comment's text, for a new comment, a reply or an edit. */
export function CommentForm({
  label,
  submitLabel,
  busyLabel,
  busy,
  error,
  initial = '',
  onSubmit,
  onCancel,
  autoFocus = false,
}: CommentFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const length = textLength(body);

  const submit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) {
      setProblem(t('comments.validation.empty'));
      return;
    }
    if (textLength(text) > COMMENT_MAX) {
      setProblem(t('comments.validation.tooLong', { max: COMMENT_MAX }));
      return;
    }
    setProblem(null);
    void onSubmit(text).then((saved) => {
      if (saved) setBody('');
    });
  };

  const message = problem ?? (error ? commentErrorMessage(error, t) : null);
  return (
    <form className="comment-form" noValidate onSubmit={submit} aria-busy={busy}>
      <div className="field" data-invalid={problem ? 'true' : undefined}>
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          name="body"
          value={body}
          rows={3}
          autoFocus={autoFocus}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-count`}
          onChange={(event) => {
            setBody(event.target.value);
            setProblem(null);
          }}
        />
        <p id={`${id}-count`} className="field-hint">
          {t('comments.length', { length, max: COMMENT_MAX })}
        </p>
      </div>
      {message ? <Alert tone="error">{message}</Alert> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-ghost" onClick={onCancel}>
            {t('comments.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
