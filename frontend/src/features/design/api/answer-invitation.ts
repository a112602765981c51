import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design, Invitation, Split } from '../types';
import { designsBySlugQueryKey } from './get-design-by-slug';
import { designQueryKey } from './get-design';
import { myInvitationsQueryKey } from './get-my-invitations';

export interface AnswerInput {
  designId: string;
  accept: boolean;
}

/**
 * POST /api/v1/designs/{id}/co-creators/answer: the invitee accepts or declines their share
 * (404 when the caller has no invitation to this design).
 */
export function answerInvitation({ designId, accept }: AnswerInput): Promise<Split> {
  return apiClient.post<Split>(
    `/designs/${encodeURIComponent(designId)}/co-creators/answer`,
    { accept },
    { auth: true },
  );
}

export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerInvitation,
    onSuccess: (split, { designId, accept }) => {
      const status = accept ? 'accepted' : 'declined';
      queryClient.setQueryData<{ items: Invitation[] }>(myInvitationsQueryKey, (data) =>
        data
          ? {
              items: data.items.map((item) =>
                item.design_id === designId ? { ...item, status } : item,
              ),
            }
          : data,
      );
      queryClient.setQueryData<Design>(designQueryKey(designId), (design) =>
        design ? { ...design, split } : design,
      );
      void queryClient.invalidateQueries({ queryKey: designsBySlugQueryKey });
      void queryClient.invalidateQueries({ queryKey: myInvitationsQueryKey });
    },
  });
}
