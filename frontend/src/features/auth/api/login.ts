import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Session } from '@/types/api';
import { meQueryKey } from './get-me';

export interface LoginInput {
  email: string;
  password: string;
}

/** POST /api/v1/auth/login: a session, and the refresh cookie. */
export function login(input: LoginInput): Promise<Session> {
  return apiClient.post<Session>('/auth/login', input);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      queryClient.clear();
      apiClient.session.setSession(session);
      queryClient.setQueryData(meQueryKey, session.account);
    },
  });
}
