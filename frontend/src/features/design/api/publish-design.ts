import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design } from '../types';
import { designQueryKey } from './get-design';
import { myDesignsQueryKey } from './get-my-designs';

/**
 * POST /api/v1/designs/{id}/publish: freezes the draft and gives it its public address. A 422
 * lists what is missing (the name, the template's unfinished rules).
 */
export function publishDesign(id: string): Promise<Design> {
  return apiClient.post<Design>(`/designs/${encodeURIComponent(id)}/publish`, undefined, {
    auth: true,
  });
}

export function usePublishDesign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishDesign,
    onSuccess: (design) => {
      queryClient.setQueryData(designQueryKey(design.id), design);
      void queryClient.invalidateQueries({ queryKey: myDesignsQueryKey });
    },
  });
}
