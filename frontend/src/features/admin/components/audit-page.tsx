import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { apiErrorMessage, formErrorsFrom } from '@/lib/errors';
import { useAuditLog } from '../api/get-audit-log';
import {
  AUDIT_FIELDS,
  checkFilters,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  type AuditField,
  type AuditFilters,
} from '../utils/audit-filters';
import { AuditEntries } from './audit-entries';
import { AuditFilterForm } from './audit-filter-form';

/**
 * /admin/audit: the audit log, newest first: who changed what, to what, when, and from which
 * request. The filters live in the address (`?action=&actor_id=&target_type=&target_id=&from=
 * &to=`) so that a filtered view can be shared and survives a reload.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const problems = checkFilters(filters);
  const checked = Object.keys(problems).length === 0;
  // A hand-edited address with a mistake the form would have caught is not sent.
  const log = useAuditLog(filters, checked);
  useDocumentTitle(t('audit.title'));

  // The server's 422 names the filter in error; other failures are about the whole list.
  const failure = log.isLoadingError ? formErrorsFrom(log.error, AUDIT_FIELDS, t) : null;
  const errors: Partial<Record<AuditField, string>> = { ...failure?.fields };
  for (const field of AUDIT_FIELDS) {
    const problem = problems[field];
    if (problem) errors[field] = t(problem);
  }

  const apply = (next: AuditFilters) => {
    setParams(filtersToParams(next));
  };
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="page" data-testid="audit-page">
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
        <p className="lead">{t('audit.lead')}</p>
      </header>
      <AuditFilterForm
        filters={filters}
        errors={errors}
        onApply={apply}
        onClear={() => {
          setParams({});
        }}
      />
      <div className="audit-results">
        {!checked ? (
          <Alert tone="error" testId="audit-error">
            {t('validation.fixFields')}
          </Alert>
        ) : log.isPending ? (
          <LoadingState label={t('audit.loading')} />
        ) : log.isLoadingError ? (
          <Alert tone="error" testId="audit-error">
            {failure?.form ?? apiErrorMessage(log.error, t)}
          </Alert>
        ) : entries.length === 0 ? (
          <p className="muted" data-testid="audit-empty">
            {hasFilters(filters) ? t('audit.noneMatch') : t('audit.none')}
          </p>
        ) : (
          <AuditEntries entries={entries} filters={filters} />
        )}
        {log.isFetchNextPageError ? (
          <Alert tone="error">{apiErrorMessage(log.error, t)}</Alert>
        ) : null}
        {log.hasNextPage ? (
          <p>
            <button
              type="button"
              className="button button-ghost"
              disabled={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {log.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
            </button>
          </p>
        ) : null}
      </div>
    </section>
  );
}
