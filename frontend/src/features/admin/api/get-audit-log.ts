import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { AuditPage } from '../types';
import { auditLogParams, type AuditFilters } from '../utils/audit-filters';

export const AUDIT_PAGE_SIZE = 50;

/**
 * GET /api/v1/admin/audit-log (admins): the audit log, newest first, narrowed by action, actor,
 * target and time. 422 `validation_failed` with the field in error for a malformed action,
 * target type or target id.
 */
export function getAuditLog(
  filters: AuditFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const params = auditLogParams(filters, AUDIT_PAGE_SIZE, cursor);
  return apiClient.get<AuditPage>(`/admin/audit-log?${params.toString()}`, { auth: true, signal });
}

/** Every filtered view, under one key. */
export const auditLogQueryKey = ['admin', 'audit-log'] as const;

export function auditLogQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: [...auditLogQueryKey, filters] as const,
    queryFn: ({ pageParam, signal }) => getAuditLog(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });
}

/** `enabled` is false while the filters have a mistake the server need not be asked about. */
export function useAuditLog(filters: AuditFilters, enabled: boolean) {
  return useInfiniteQuery({ ...auditLogQueryOptions(filters), enabled });
}
