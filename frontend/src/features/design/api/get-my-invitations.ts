import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Invitation } from '../types';

/** GET /api/v1/me/invitations: the designs the signed-in account is invited to, newest first. */
export function getMyInvitations(signal?: AbortSignal): Promise<{ items: Invitation[] }> {
  return apiClient.get<{ items: Invitation[] }>('/me/invitations', { auth: true, signal });
}

export const myInvitationsQueryKey = ['my-invitations'] as const;

export function myInvitationsQueryOptions() {
  return queryOptions({
    queryKey: myInvitationsQueryKey,
    queryFn: ({ signal }) => getMyInvitations(signal),
    select: (data) => data.items,
  });
}

export function useMyInvitations({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...myInvitationsQueryOptions(), enabled });
}
