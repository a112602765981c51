import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { useOfferedTemplateIds } from '../api/get-offered-templates';
import { useBrandTemplates } from '../api/get-templates';
import { useCanEditCatalog } from '../hooks/use-can-edit-catalog';
import type { BrandTemplateSummary } from '../types';
import { BrandNav } from './brand-nav';
import { NewTemplateForm } from './new-template-form';
import { TemplateOptions } from './template-options';
import { NEW_TEMPLATE_SEARCH, templateSearch } from '../utils/paths';
import '../brand.css';

/**
 * The brand console: every template (retired ones marked), and the chosen one's figures and
 * options, or the form for a new template (`?new=template`).
 */
export function BrandConsolePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const templates = useBrandTemplates();
  const offered = useOfferedTemplateIds();
  const canEdit = useCanEditCatalog();
  const [params] = useSearchParams();
  useDocumentTitle(t('nav.brand'));
  const selectedId = params.get('template');
  const creating = canEdit && params.get('new') === 'template';

  /** Retired, when the list says so or the templates on offer leave it out; unknown meanwhile. */
  const isRetired = (template: BrandTemplateSummary) =>
    template.status !== undefined
      ? template.status === 'retired'
      : offered.data
        ? !offered.data.has(template.id)
        : false;

  return (
    <div className="page" data-testid="brand-page">
      <BrandNav />
      <header className="page-header">
        <h1>{t('nav.brand')}</h1>
        <p className="lead">{t('brand.lead')}</p>
      </header>
      <section aria-labelledby="brand-templates-title" className="section">
        <div className="brand-section-heading">
          <h2 id="brand-templates-title">{t('brand.templates')}</h2>
          {canEdit && !creating ? (
            <Link
              to={NEW_TEMPLATE_SEARCH}
              className="button button-primary"
              data-testid="new-template-link"
            >
              {t('brand.newTemplate')}
            </Link>
          ) : null}
        </div>
        {templates.isPending ? (
          <LoadingState label={t('studioHome.loadingTemplates')} />
        ) : templates.isError ? (
          <Alert tone="error">{apiErrorMessage(templates.error, t)}</Alert>
        ) : templates.data.length === 0 ? (
          <p className="muted">{t('brand.noTemplates')}</p>
        ) : (
          <nav aria-label={t('brand.templates')}>
            <ul className="template-picker" data-testid="brand-template-list">
              {templates.data.map((template) => {
                const retired = isRetired(template);
                return (
                  <li key={template.id} data-retired={retired ? 'true' : undefined}>
                    <Link
                      to={templateSearch(template.id)}
                      aria-current={template.id === selectedId && !creating ? 'true' : undefined}
                      preventScrollReset
                    >
                      <span className="template-picker-name">{format.text(template.name)}</span>
                      <span className="template-picker-price">
                        {format.money(template.base_price)}
                      </span>
                      {retired ? (
                        <span className="badge badge-muted">{t('brand.status.retired')}</span>
                      ) : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
      </section>
      {creating ? (
        <NewTemplateForm />
      ) : selectedId ? (
        <TemplateOptions key={selectedId} templateId={selectedId} />
      ) : templates.data && templates.data.length > 0 ? (
        <p className="muted">{t('brand.pickTemplate')}</p>
      ) : null}
    </div>
  );
}
