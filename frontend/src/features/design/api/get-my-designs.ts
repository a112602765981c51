import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design } from '../types';

/** GET /api/v1/me/designs: the signed-in creator's designs, newest first. */
export function getMyDesigns(signal?: AbortSignal): Promise<{ items: Design[] }> {
  return apiClient.get<{ items: Design[] }>('/me/designs', { auth: true, signal });
}

export const myDesignsQueryKey = ['my-designs'] as const;

export function myDesignsQueryOptions() {
  return queryOptions({
    queryKey: myDesignsQueryKey,
    queryFn: ({ signal }) => getMyDesigns(signal),
    select: (data) => data.items,
  });
}

export function useMyDesigns({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...myDesignsQueryOptions(), enabled });
}
