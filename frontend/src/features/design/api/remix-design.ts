import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design } from '../types';
import { designQueryKey } from './get-design';
import { myDesignsQueryKey } from './get-my-designs';

/** POST /api/v1/designs/{id}/remix: a new draft with the same choices, crediting the original. */
export function remixDesign(id: string): Promise<Design> {
  return apiClient.post<Design>(`/designs/${encodeURIComponent(id)}/remix`, undefined, {
    auth: true,
  });
}

export function useRemixDesign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: remixDesign,
    onSuccess: (design) => {
      queryClient.setQueryData(designQueryKey(design.id), design);
      void queryClient.invalidateQueries({ queryKey: myDesignsQueryKey });
    },
  });
}
