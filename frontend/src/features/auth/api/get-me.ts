import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Account } from '@/types/api';

/** GET /api/v1/me: the signed-in account, fresh from the server. */
export function getMe(signal?: AbortSignal): Promise<Account> {
  return apiClient.get<Account>('/me', { auth: true, signal });
}

export const meQueryKey = ['me'] as const;

export function meQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe(signal) });
}

export function useMe({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...meQueryOptions(), enabled });
}
