import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandTemplate, TemplateChange } from '../types';
import { brandTemplateQueryKey } from './get-brand-template';
import { offeredTemplatesQueryKey } from './get-offered-templates';
import { brandTemplatesQueryKey } from './get-templates';

export interface UpdateTemplateInput {
  templateId: string;
  change: TemplateChange;
}

/**
 * PATCH /api/v1/brand/templates/{id}: the base price, cost, preparation time, the longest
 * preparation allowed (0 removes it), or retire / bring back. Published designs keep theirs.
 */
export function updateTemplate({
  templateId,
  change,
}: UpdateTemplateInput): Promise<BrandTemplate> {
  return apiClient.patch<BrandTemplate>(
    `/brand/templates/${encodeURIComponent(templateId)}`,
    change,
    { auth: true },
  );
}

export function useUpdateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTemplate,
    onSuccess: (saved) => {
      queryClient.setQueryData(brandTemplateQueryKey(saved.id), saved);
      // The list shows the base price, and which templates are retired.
      void queryClient.invalidateQueries({ queryKey: brandTemplatesQueryKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: offeredTemplatesQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
    },
  });
}
