import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { designQueryKey } from './get-design';
import { myDesignsQueryKey } from './get-my-designs';

/** DELETE /api/v1/designs/{id}: drafts only. */
export function deleteDesign(id: string): Promise<void> {
  return apiClient.delete(`/designs/${encodeURIComponent(id)}`, { auth: true });
}

export function useDeleteDesign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDesign,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: designQueryKey(id), exact: true });
      void queryClient.invalidateQueries({ queryKey: myDesignsQueryKey });
    },
  });
}
