import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export interface ResetPasswordInput {
  token: string;
  password: string;
}

/**
 * POST /api/v1/auth/reset-password → 204, and every session of the account is signed out. A
 * token unknown, used or expired: 422 on field `token`, code `invalid_token`.
 */
export function resetPassword(input: ResetPasswordInput): Promise<void> {
  return apiClient.post<undefined>('/auth/reset-password', input);
}

/** This device's session ended with the others: forget it and everything cached for it. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => {
      apiClient.session.clear();
      queryClient.clear();
    },
  });
}
