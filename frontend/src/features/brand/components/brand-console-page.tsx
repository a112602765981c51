import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { useBrandTemplates } from '../api/get-templates';
import { TemplateOptions } from './template-options';

/** The brand console. For now: the templates, and each one's options with their availability. */
export function BrandConsolePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const templates = useBrandTemplates();
  const [params] = useSearchParams();
  useDocumentTitle(t('nav.brand'));
  const selectedId = params.get('template');

  return (
    <div className="page" data-testid="brand-page">
      <header className="page-header">
        <h1>{t('nav.brand')}</h1>
        <p className="lead">{t('brand.lead')}</p>
      </header>
      <section aria-labelledby="brand-templates-title" className="section">
        <h2 id="brand-templates-title">{t('brand.templates')}</h2>
        {templates.isPending ? (
          <LoadingState label={t('studioHome.loadingTemplates')} />
        ) : templates.isError ? (
          <Alert tone="error">{apiErrorMessage(templates.error, t)}</Alert>
        ) : templates.data.length === 0 ? (
          <p className="muted">{t('studioHome.noTemplates')}</p>
        ) : (
          <nav aria-label={t('brand.templates')}>
            <ul className="template-picker" data-testid="brand-template-list">
              {templates.data.map((template) => (
                <li key={template.id}>
                  <Link
                    to={`?template=${encodeURIComponent(template.id)}`}
                    aria-current={template.id === selectedId ? 'true' : undefined}
                    preventScrollReset
                  >
                    <span className="template-picker-name">{format.text(template.name)}</span>
                    <span className="template-picker-price">
                      {format.money(template.base_price)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </section>
      {selectedId ? (
        <TemplateOptions key={selectedId} templateId={selectedId} />
      ) : templates.data && templates.data.length > 0 ? (
        <p className="muted">{t('brand.pickTemplate')}</p>
      ) : null}
    </div>
  );
}
