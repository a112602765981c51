import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '@/hooks/use-formatters';
import type { AuditEntry } from '../types';
import { prettyDetail, shortId } from '../utils/audit-entry';
import { filterSearch, type AuditFilters } from '../utils/audit-filters';

/**
 * The entries as a table, newest first; on a phone each row is a card with its cells labelled.
 * The "filter by" links keep the other filters and narrow to that actor or target.
 */
export function AuditEntries({
  entries,
  filters,
}: {
  entries: readonly AuditEntry[];
  filters: AuditFilters;
}) {
  const { t } = useTranslation();
  return (
    <div className="audit-log">
      <table className="audit-table" data-testid="audit-entries">
        <caption className="visually-hidden">{t('audit.entries')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.columns.at')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.target')}</th>
            <th scope="col">{t('audit.columns.detail')}</th>
            <th scope="col">{t('audit.columns.request')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} filters={filters} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditRow({ entry, filters }: { entry: AuditEntry; filters: AuditFilters }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const detail = prettyDetail(entry.detail);
  const sameTarget =
    filters.target_type === entry.target_type && filters.target_id === entry.target_id;
  return (
    <tr data-testid="audit-entry">
      <th scope="row">
        <time dateTime={new Date(entry.at).toISOString()}>{format.dateTime(entry.at)}</time>
      </th>
      <td data-label={t('audit.columns.action')}>
        <code className="audit-action">{entry.action}</code>
      </td>
      <td data-label={t('audit.columns.actor')}>
        {entry.actor_id === null ? (
          <span className="muted">{t('audit.system')}</span>
        ) : (
          <span className="audit-ref">
            <code title={entry.actor_id}>{shortId(entry.actor_id)}</code>
            {filters.actor_id === entry.actor_id ? null : (
              <FilterLink search={filterSearch(filters, { actor_id: entry.actor_id })}>
                {t('audit.byActor')} <span className="visually-hidden">({entry.actor_id})</span>
              </FilterLink>
            )}
          </span>
        )}
      </td>
      <td data-label={t('audit.columns.target')}>
        <span className="audit-ref">
          <span>
            <span className="badge audit-target-type">{entry.target_type}</span>{' '}
            <code title={entry.target_id}>{shortId(entry.target_id)}</code>
          </span>
          {sameTarget ? null : (
            <FilterLink
              search={filterSearch(filters, {
                target_type: entry.target_type,
                target_id: entry.target_id,
              })}
            >
              {t('audit.byTarget')}{' '}
              <span className="visually-hidden">
                ({entry.target_type} {entry.target_id})
              </span>
            </FilterLink>
          )}
        </span>
      </td>
      <td data-label={t('audit.columns.detail')} className="audit-detail-cell">
        {detail === null ? (
          <span className="muted">{t('audit.noDetail')}</span>
        ) : (
          <details className="audit-detail">
            <summary>{t('audit.showDetail')}</summary>
            <pre data-testid="audit-detail">{detail}</pre>
          </details>
        )}
      </td>
      <td data-label={t('audit.columns.request')}>
        {entry.request_id === null ? (
          <span className="muted">{t('audit.noRequest')}</span>
        ) : (
          <code className="audit-request">{entry.request_id}</code>
        )}
      </td>
    </tr>
  );
}

function FilterLink({ search, children }: { search: string; children: ReactNode }) {
  return (
    <Link to={{ search }} className="audit-filter-link">
      {children}
    </Link>
  );
}
