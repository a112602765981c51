import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useSession } from '@/lib/auth';
import { apiErrorMessage } from '@/lib/errors';
import { useComments } from '../api/get-comments';
import { usePostComment } from '../api/post-comment';
import { flattenComments } from '../utils/comments';
import { CommentForm } from './comment-form';
import { CommentItem } from './comment-item';

/**
 * The conversation under a design: top-level comments oldest first, each with its replies; a
 * form for signed-in visitors while the design is live, a sign-in link for the others.
 */
export function CommentsSection({ designId, open }: { designId: string; open: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const comments = useComments(designId);
  const post = usePostComment(designId);
  const signedIn = session.status === 'signedIn';

  return (
    <section
      aria-labelledby="comments-title"
      className="design-section comments"
      data-testid="comments"
    >
      <h2 id="comments-title">{t('comments.title')}</h2>
      {comments.isPending ? (
        <LoadingState label={t('comments.loading')} />
      ) : comments.isLoadingError ? (
        <Alert tone="error">{apiErrorMessage(comments.error, t)}</Alert>
      ) : (
        <CommentList
          designId={designId}
          open={open}
          items={flattenComments(comments.data)}
          hasMore={comments.hasNextPage}
          loadingMore={comments.isFetchingNextPage}
          moreError={comments.isFetchNextPageError ? comments.error : null}
          onLoadMore={() => void comments.fetchNextPage()}
        />
      )}
      {!open ? (
        <p className="muted">{t('comments.closed')}</p>
      ) : signedIn ? (
        <CommentForm
          label={t('comments.new')}
          submitLabel={t('comments.post')}
          busyLabel={t('comments.posting')}
          busy={post.isPending}
          error={post.error}
          onSubmit={(body) =>
            post.mutateAsync({ body, parent_id: null }).then(
              () => true,
              () => false,
            )
          }
        />
      ) : session.status === 'signedOut' ? (
        <p>
          <Link
            to={`/signin?next=${encodeURIComponent(location.pathname)}`}
            className="button button-ghost"
          >
            {t('comments.signIn')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function CommentList({
  designId,
  open,
  items,
  hasMore,
  loadingMore,
  moreError,
  onLoadMore,
}: {
  designId: string;
  open: boolean;
  items: ReturnType<typeof flattenComments>;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {items.length === 0 ? (
        <p className="muted" data-testid="no-comments">
          {t('comments.none')}
        </p>
      ) : (
        <ol className="comment-list" data-testid="comment-list">
          {items.map((comment) => (
            <CommentItem key={comment.id} designId={designId} comment={comment} open={open} />
          ))}
        </ol>
      )}
      {moreError ? <Alert tone="error">{apiErrorMessage(moreError, t)}</Alert> : null}
      {hasMore ? (
        <p>
          <button
            type="button"
            className="button button-ghost"
            disabled={loadingMore}
            onClick={onLoadMore}
          >
            {loadingMore ? t('comments.loadingMore') : t('comments.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}
