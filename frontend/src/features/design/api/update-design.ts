import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design, DesignDraft } from '../types';
import { designQueryKey } from './get-design';
import { myDesignsQueryKey } from './get-my-designs';

/** PUT /api/v1/designs/{id}: a draft's choices and words (409 `design_not_editable` after). */
export function updateDesign({ id, draft }: { id: string; draft: DesignDraft }): Promise<Design> {
  return apiClient.put<Design>(`/designs/${encodeURIComponent(id)}`, draft, { auth: true });
}

export function useUpdateDesign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDesign,
    onSuccess: (design) => {
      queryClient.setQueryData(designQueryKey(design.id), design);
      void queryClient.invalidateQueries({ queryKey: myDesignsQueryKey });
    },
  });
}
