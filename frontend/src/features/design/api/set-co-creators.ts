import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design, Split, SplitInput } from '../types';
import { designsBySlugQueryKey } from './get-design-by-slug';
import { designQueryKey } from './get-design';
import { myDesignsQueryKey } from './get-my-designs';

/**
 * PUT /api/v1/designs/{id}/co-creators: the creator sets the whole list of co-creators and
 * their shares (drafts and published designs; 409 `design_not_editable` once withdrawn). A
 * co-creator whose share is new or changed is asked again; an unchanged one keeps their answer.
 * Each entry names someone in the split by `account_id` or someone new by `email`. A 422
 * `validation_failed` names `co_creators[i].email` (any problem with that person, however they
 * were named), `co_creators[i].share_bps` or `co_creators` (the total).
 */
export function setCoCreators({ id, split }: { id: string; split: SplitInput }): Promise<Split> {
  return apiClient.put<Split>(`/designs/${encodeURIComponent(id)}/co-creators`, split, {
    auth: true,
  });
}

export function useSetCoCreators() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setCoCreators,
    onSuccess: (split, { id }) => {
      queryClient.setQueryData<Design>(designQueryKey(id), (design) =>
        design ? { ...design, split } : design,
      );
      // The public page credits the co-creators who accepted.
      void queryClient.invalidateQueries({ queryKey: designsBySlugQueryKey });
      void queryClient.invalidateQueries({ queryKey: myDesignsQueryKey });
    },
  });
}
