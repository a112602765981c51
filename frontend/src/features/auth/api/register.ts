import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Session } from '@/types/api';
import { meQueryKey } from './get-me';

export interface RegisterInput {
  email: string;
  display_name: string;
  password: string;
}

/** POST /api/v1/auth/register: creates the account and signs it in at once. */
export function register(input: RegisterInput): Promise<Session> {
  return apiClient.post<Session>('/auth/register', input);
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (session) => {
      queryClient.clear();
      apiClient.session.setSession(session);
      queryClient.setQueryData(meQueryKey, session.account);
    },
  });
}
