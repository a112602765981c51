import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design } from '../types';
import { designsBySlugQueryKey } from './get-design-by-slug';
import { designQueryKey } from './get-design';
import { myDesignsQueryKey } from './get-my-designs';

/**
 * POST /api/v1/designs/{id}/revision (its creator, after the brand asked for changes) → 201:
 * a new draft copying the design, with `revision_of` set. 409 `already_revised` when a version
 * exists (`detail` names it), 409 `not_revisable` when the brand did not ask for changes.
 */
export function createRevision(id: string): Promise<Design> {
  return apiClient.post<Design>(`/designs/${encodeURIComponent(id)}/revision`, undefined, {
    auth: true,
  });
}

export function useCreateRevision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRevision,
    onSuccess: (draft) => {
      queryClient.setQueryData(designQueryKey(draft.id), draft);
      void queryClient.invalidateQueries({ queryKey: myDesignsQueryKey });
      // The original's page now links to its new version.
      void queryClient.invalidateQueries({ queryKey: designsBySlugQueryKey });
    },
  });
}
