import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Session } from '@/types/api';
import { meQueryKey } from './get-me';

export interface ChangePasswordInput {
  current_password: string;
  new_password: string;
}

/**
 * POST /api/v1/auth/password. The server revokes every other session of the account and
 * hands this device a fresh one (new access token and refresh cookie).
 */
export function changePassword(input: ChangePasswordInput): Promise<Session> {
  return apiClient.post<Session>('/auth/password', input, { auth: true });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (session) => {
      apiClient.session.setSession(session);
      queryClient.setQueryData(meQueryKey, session.account);
    },
  });
}
