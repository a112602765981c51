import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { useNow } from '@/hooks/use-now';
import { hasBrandRole, useSession } from '@/lib/auth';
import { apiErrorMessage } from '@/lib/errors';
import { useDeleteComment } from '../api/delete-comment';
import { useEditComment } from '../api/edit-comment';
import { usePostComment } from '../api/post-comment';
import type { Comment } from '../types';
import { CommentForm } from './comment-form';
import { ReportButton } from './report-button';

type Mode = 'reading' | 'replying' | 'editing' | 'deleting';

/** One comment, its actions, and (for a top-level comment) its replies. */
export function CommentItem({
  designId,
  comment,
  open,
}: {
  designId: string;
  comment: Comment;
  /** The design takes comments (published or shortlisted). */
  open: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useSession();
  const [mode, setMode] = useState<Mode>('reading');
  const reply = usePostComment(designId);
  const edit = useEditComment(designId);
  const remove = useDeleteComment(designId);
  const account = session.session?.account;
  const mine = account?.id === comment.author.id;
  const topLevel = comment.parent_id === null;
  const name = comment.author.display_name;

  return (
    <li className="comment" data-testid="comment">
      {comment.deleted ? (
        <p className="comment-deleted muted">{t('comments.deleted')}</p>
      ) : (
        <article className="comment-body" aria-label={t('comments.by', { name })}>
          <header className="comment-meta">
            <strong>{name}</strong>
            {comment.brand ? (
              <span className="badge badge-brand" data-testid="brand-badge">
                {t('comments.brand')}
              </span>
            ) : null}
            <span className="muted">
              <time dateTime={new Date(comment.created_at).toISOString()}>
                {format.dateTime(comment.created_at)}
              </time>
              {comment.edited_at !== null ? ` · ${t('comments.edited')}` : null}
            </span>
          </header>
          {mode === 'editing' ? (
            <CommentForm
              label={t('comments.editLabel')}
              submitLabel={t('comments.save')}
              busyLabel={t('comments.saving')}
              busy={edit.isPending}
              error={edit.error}
              initial={comment.body}
              autoFocus
              onCancel={() => {
                edit.reset();
                setMode('reading');
              }}
              onSubmit={(body) =>
                edit.mutateAsync({ id: comment.id, body }).then(
                  () => {
                    setMode('reading');
                    return false;
                  },
                  () => false,
                )
              }
            />
          ) : (
            <p className="comment-text">{comment.body}</p>
          )}
          {mode === 'reading' && account ? (
            <div className="comment-actions">
              {open && topLevel ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('comments.replyTo', { name })}
                  onClick={() => {
                    setMode('replying');
                  }}
                >
                  {t('comments.reply')}
                </button>
              ) : null}
              {mine ? (
                <EditWindow
                  until={comment.editable_until}
                  onEdit={() => {
                    setMode('editing');
                  }}
                />
              ) : null}
              {mine || hasBrandRole(account) ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setMode('deleting');
                  }}
                >
                  {t('comments.delete')}
                </button>
              ) : null}
              {!mine ? (
                <ReportButton
                  targetType="comment"
                  targetId={comment.id}
                  label={t('comments.reportLabel', { name })}
                />
              ) : null}
            </div>
          ) : null}
          {mode === 'deleting' ? (
            <div className="confirm" role="group" aria-labelledby={`confirm-delete-${comment.id}`}>
              <p id={`confirm-delete-${comment.id}`}>{t('comments.confirmDelete')}</p>
              {remove.isError ? (
                <p className="field-error">{apiErrorMessage(remove.error, t)}</p>
              ) : null}
              <div className="confirm-actions">
                <button
                  type="button"
                  className="button button-danger"
                  disabled={remove.isPending}
                  onClick={() => {
                    remove.mutate(comment.id);
                  }}
                >
                  {remove.isPending ? t('comments.deleting') : t('comments.deleteNow')}
                </button>
                <button
                  type="button"
                  className="button button-ghost"
                  autoFocus
                  onClick={() => {
                    remove.reset();
                    setMode('reading');
                  }}
                >
                  {t('comments.keep')}
                </button>
              </div>
            </div>
          ) : null}
        </article>
      )}
      {topLevel && (comment.replies?.length ?? 0) > 0 ? (
        <ol className="comment-replies" aria-label={t('comments.replies')}>
          {comment.replies?.map((child) => (
            <CommentItem key={child.id} designId={designId} comment={child} open={open} />
          ))}
        </ol>
      ) : null}
      {mode === 'replying' ? (
        <div className="comment-reply-form">
          <CommentForm
            label={t('comments.replyLabel', { name })}
            submitLabel={t('comments.sendReply')}
            busyLabel={t('comments.posting')}
            busy={reply.isPending}
            error={reply.error}
            autoFocus
            onCancel={() => {
              reply.reset();
              setMode('reading');
            }}
            onSubmit={(body) =>
              reply.mutateAsync({ body, parent_id: comment.id }).then(
                () => {
                  setMode('reading');
                  return true;
                },
                () => false,
              )
            }
          />
        </div>
      ) : null}
    </li>
  );
}

/** "Edit" and the minutes left to do it, until the comment's 15 minutes are over. */
function EditWindow({ until, onEdit }: { until: number; onEdit: () => void }) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const minutes = Math.ceil((until - now) / 60_000);
  if (minutes <= 0) return null;
  return (
    <>
      <button type="button" className="link-button" onClick={onEdit}>
        {t('comments.edit')}
      </button>
      <span className="muted comment-edit-window">
        {t('comments.editWindow', { count: minutes })}
      </span>
    </>
  );
}
