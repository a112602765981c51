import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design } from '../types';

/** GET /api/v1/designs/{id}: one design; its owner sees it as a draft too. */
export function getDesign(id: string, signal?: AbortSignal): Promise<Design> {
  return apiClient.get<Design>(`/designs/${encodeURIComponent(id)}`, { auth: true, signal });
}

export const designQueryKey = (id: string) => ['designs', id] as const;

export function designQueryOptions(id: string | undefined) {
  return queryOptions({
    queryKey: designQueryKey(id ?? ''),
    queryFn: id ? ({ signal }) => getDesign(id, signal) : skipToken,
  });
}

export function useDesign(id: string | undefined) {
  return useQuery(designQueryOptions(id));
}
