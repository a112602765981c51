import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormatters } from '@/hooks/use-formatters';
import { useSession } from '@/lib/auth';
import { apiErrorMessage } from '@/lib/errors';
import { useTemplates } from '@/lib/templates-api';
import { newDesignPath } from '../utils/paths';
import { Invitations } from './invitations';
import { MyDesigns } from './my-designs';

/** /design: the templates to start from and, when signed in, the creator's own designs. */
export function StudioHomePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useSession();
  const templates = useTemplates();
  useDocumentTitle(t('nav.design'));

  return (
    <div className="page" data-testid="design-page">
      <header className="page-header">
        <h1>{t('nav.design')}</h1>
        <p className="lead">{t('studioHome.lead')}</p>
      </header>

      <section aria-labelledby="templates-title" className="section">
        <h2 id="templates-title">{t('studioHome.templates')}</h2>
        {templates.isPending ? (
          <LoadingState label={t('studioHome.loadingTemplates')} />
        ) : templates.isError ? (
          <Alert tone="error">{apiErrorMessage(templates.error, t)}</Alert>
        ) : templates.data.length === 0 ? (
          <p className="muted">{t('studioHome.noTemplates')}</p>
        ) : (
          <ul className="card-grid" data-testid="template-list">
            {templates.data.map((template) => (
              <li key={template.id} className="card template-card" data-testid="template-card">
                <h3>
                  <Link to={newDesignPath(template.id)} className="card-link">
                    {format.text(template.name)}
                  </Link>
                </h3>
                <p className="muted">{format.text(template.description)}</p>
                <p className="template-price">
                  {t('studioHome.from', { price: format.money(template.base_price) })}
                </p>
                <span className="template-start" aria-hidden="true">
                  {t('studioHome.start')}
                </span>
              </li>
            ))}
          </ul>
        )}
        {session.status === 'signedOut' ? (
          <p className="muted">
            {t('studioHome.signInHint')}{' '}
            <Link to={`/signin?next=${encodeURIComponent('/design')}`}>{t('account.signIn')}</Link>
          </p>
        ) : null}
      </section>

      {session.status === 'signedIn' ? (
        <>
          <Invitations />
          <MyDesigns />
        </>
      ) : null}
    </div>
  );
}
