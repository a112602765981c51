import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/**
 * POST /api/v1/auth/forgot-password `{ email }` → 202, whether or not an account uses it (the
 * answer never tells). If one does, it gets a link to /reset-password, valid for an hour.
 */
export function forgotPassword(email: string): Promise<void> {
  return apiClient.post<undefined>('/auth/forgot-password', { email });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
