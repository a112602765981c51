import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Choice, Design } from '../types';
import { designQueryKey } from './get-design';
import { myDesignsQueryKey } from './get-my-designs';

export interface CreateDesignInput {
  template_id: string;
  choices: Choice[];
  name?: string;
  story?: string;
  tags?: string[];
}

/** POST /api/v1/designs: a new draft (an unfinished selection is fine for a draft). */
export function createDesign(input: CreateDesignInput): Promise<Design> {
  return apiClient.post<Design>('/designs', input, { auth: true });
}

export function useCreateDesign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDesign,
    onSuccess: (design) => {
      queryClient.setQueryData(designQueryKey(design.id), design);
      void queryClient.invalidateQueries({ queryKey: myDesignsQueryKey });
    },
  });
}
