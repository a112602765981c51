import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiClient } from '@/lib/api-client';

/**
 * POST /api/v1/auth/logout: the server revokes the session named by the refresh cookie and
 * clears the cookie. Waits for a running refresh first, or its rotated cookie could outlive
 * the sign-out.
 */
export async function logout(): Promise<void> {
  await apiClient.session.settled();
  await apiClient.post<undefined>('/auth/logout');
}

/** Sign out, forget everything cached for this account, and go home. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } finally {
        // Leave the page first (synchronously, not as a transition), so a page that needs an
        // account does not send us to the sign-in form on its way out; then forget the session,
        // even if the server could not be told.
        await navigate('/', { replace: true, flushSync: true });
        apiClient.session.clear();
        queryClient.clear();
      }
    },
  });
}
