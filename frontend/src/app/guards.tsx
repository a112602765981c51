import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasBrandRole, isAdmin, useSession } from '@/lib/auth';

/**
 * Pages for signed-in users. While the session is being restored (a reload), wait instead of
 * bouncing to the sign-in page; a visitor is sent to sign in and brought back afterwards.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <LoadingState label={t('account.checking')} />;
  if (session.status === 'signedOut') {
    const here = location.pathname + location.search + location.hash;
    return <Navigate to={`/signin?next=${encodeURIComponent(here)}`} replace />;
  }
  return children;
}

/** The brand console: curators, community managers and admins only. Use inside RequireAuth. */
export function RequireBrandRole({ children }: { children: ReactNode }) {
  const session = useSession();
  const { t } = useTranslation();
  if (!hasBrandRole(session.session?.account)) return <Forbidden body={t('guard.forbiddenBody')} />;
  return children;
}

/** Administrators only (the development mail viewer, the audit log). Use inside RequireAuth. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const session = useSession();
  const { t } = useTranslation();
  if (!isAdmin(session.session?.account)) return <Forbidden body={t('guard.adminOnlyBody')} />;
  return children;
}

function Forbidden({ body }: { body: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('guard.forbiddenTitle'));
  return (
    <section className="page page-narrow" data-testid="forbidden">
      <p className="eyebrow">403</p>
      <h1>{t('guard.forbiddenTitle')}</h1>
      <p className="lead">{body}</p>
      <p>
        <Link to="/" className="button button-primary">
          {t('guard.backHome')}
        </Link>
      </p>
    </section>
  );
}
