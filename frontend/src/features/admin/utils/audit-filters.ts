/**
 * The audit log's filters as they live in the address (`/admin/audit?action=review.approved&
 * from=2026-11-01&to=2026-11-30`), so that a filtered view can be shared and survives a reload,
 * and as they go to `GET /admin/audit-log`. Days are the reader's own: `from` starts at its local
 * midnight and `to` takes in its whole day (the server's `until` is exclusive).
 */
import { addLocalDays, localMidnightMs } from '@/lib/dates';
import { isUuid } from './audit-entry';

/** The filters, in the order of the form and of the address. */
export const AUDIT_FIELDS = [
  'action',
  'actor_id',
  'target_type',
  'target_id',
  'from',
  'to',
] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

/** Each filter as typed, trimmed; an empty string for none. `from` and `to` are `YYYY-MM-DD`. */
export type AuditFilters = Record<AuditField, string>;

export const NO_FILTERS: AuditFilters = {
  action: '',
  actor_id: '',
  target_type: '',
  target_id: '',
  from: '',
  to: '',
};

/** The server's limits, also set on the inputs. */
export const ACTION_MAX = 64;
export const TARGET_ID_MAX = 100;

/** What the form says is wrong before asking the server; keys of the translations. */
export type AuditProblem =
  'audit.problems.actorId' | 'audit.problems.date' | 'audit.problems.toBeforeFrom';

/** The filters with their spaces trimmed, as the form or a link gives them. */
export function normalizeFilters(values: Partial<Record<AuditField, string>>): AuditFilters {
  const filters = { ...NO_FILTERS };
  for (const field of AUDIT_FIELDS) filters[field] = (values[field] ?? '').trim();
  return filters;
}

/** Read the filters from the address; other parameters are ignored. */
export function filtersFromParams(params: URLSearchParams): AuditFilters {
  return normalizeFilters(
    Object.fromEntries(AUDIT_FIELDS.map((field) => [field, params.get(field) ?? ''])),
  );
}

/** The address's query for these filters, leaving out the empty ones. */
export function filtersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of AUDIT_FIELDS) {
    const value = filters[field].trim();
    if (value) params.set(field, value);
  }
  return params;
}

/** A link's query (`?actor_id=…`) for these filters with some replaced. */
export function filterSearch(filters: AuditFilters, change: Partial<AuditFilters>): string {
  return `?${filtersToParams({ ...filters, ...change }).toString()}`;
}

export function hasFilters(filters: AuditFilters): boolean {
  return AUDIT_FIELDS.some((field) => filters[field] !== '');
}

/**
 * What is wrong with the filters before the server sees them: an actor id that is not a UUID,
 * a day that does not exist (a hand-edited address), or a range that ends before it starts.
 * The action, target type and target id are the server's to judge (a 422 beside the field).
 */
export function checkFilters(filters: AuditFilters): Partial<Record<AuditField, AuditProblem>> {
  const problems: Partial<Record<AuditField, AuditProblem>> = {};
  // The server answers an actor id that is not a UUID with a bare 400, not a field error.
  if (filters.actor_id && !isUuid(filters.actor_id)) problems.actor_id = 'audit.problems.actorId';
  const from = filters.from ? localMidnightMs(filters.from) : null;
  const to = filters.to ? localMidnightMs(filters.to) : null;
  if (filters.from && from === null) problems.from = 'audit.problems.date';
  if (filters.to && to === null) problems.to = 'audit.problems.date';
  if (from !== null && to !== null && to < from) problems.to = 'audit.problems.toBeforeFrom';
  return problems;
}

/**
 * The query string of `GET /admin/audit-log` for one page: `since` is the local midnight that
 * starts `from`, `until` the one that ends `to` (the next day's), both unix ms. Days that do not
 * parse are left out; `checkFilters` keeps them from getting this far.
 */
export function auditLogParams(
  filters: AuditFilters,
  limit: number,
  cursor: string | null,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of ['action', 'actor_id', 'target_type', 'target_id'] as const) {
    if (filters[field]) params.set(field, filters[field]);
  }
  const since = filters.from ? localMidnightMs(filters.from) : null;
  const to = filters.to ? localMidnightMs(filters.to) : null;
  if (since !== null) params.set('since', String(since));
  if (to !== null) params.set('until', String(addLocalDays(to, 1)));
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params;
}
