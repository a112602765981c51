import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** POST /api/v1/auth/resend-verification (signed in) → 202: a new link to the account's email. */
export function resendVerification(): Promise<void> {
  return apiClient.post<undefined>('/auth/resend-verification', undefined, { auth: true });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}
