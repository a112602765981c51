import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design } from '../types';
import { designBySlugQueryKey } from './get-design-by-slug';
import { designQueryKey } from './get-design';
import { myDesignsQueryKey } from './get-my-designs';

/** POST /api/v1/designs/{id}/withdraw: the owner takes a published design down. */
export function withdrawDesign(id: string): Promise<Design> {
  return apiClient.post<Design>(`/designs/${encodeURIComponent(id)}/withdraw`, undefined, {
    auth: true,
  });
}

export function useWithdrawDesign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawDesign,
    onSuccess: (design) => {
      queryClient.setQueryData(designQueryKey(design.id), design);
      if (design.slug) {
        void queryClient.invalidateQueries({ queryKey: designBySlugQueryKey(design.slug) });
      }
      void queryClient.invalidateQueries({ queryKey: myDesignsQueryKey });
    },
  });
}
