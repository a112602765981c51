import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { AccountAction } from '../types';

export interface ModerateAccountInput {
  accountId: string;
  action: AccountAction;
  reason: string;
  /** Suspensions only: unix ms. */
  until?: number;
}

/**
 * POST /api/v1/brand/accounts/{id}/{suspend|ban|reinstate}: the account's sessions end, it
 * cannot sign in, and its ratings stop counting (every design it rated is scored again);
 * reinstating undoes that. Accounts with a brand role: admins only (403).
 */
export function moderateAccount({
  accountId,
  action,
  reason,
  until,
}: ModerateAccountInput): Promise<unknown> {
  const body = action === 'suspend' ? { until, reason } : { reason };
  return apiClient.post<unknown>(
    `/brand/accounts/${encodeURIComponent(accountId)}/${action}`,
    body,
    { auth: true },
  );
}

export function useModerateAccount() {
  return useMutation({ mutationFn: moderateAccount });
}
