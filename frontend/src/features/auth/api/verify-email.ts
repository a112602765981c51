import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Account } from '@/types/api';
import { meQueryKey } from './get-me';

/**
 * POST /api/v1/auth/verify-email `{ token }` → `{ verified: true }`. A token unknown, used or
 * expired: 422 on field `token`, code `invalid_token`.
 */
export function verifyEmail(token: string): Promise<{ verified: boolean }> {
  return apiClient.post<{ verified: boolean }>('/auth/verify-email', { token });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => {
      queryClient.setQueryData<Account>(meQueryKey, (me) =>
        me ? { ...me, email_verified: true } : me,
      );
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
