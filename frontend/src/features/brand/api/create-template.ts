import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandTemplate, NewTemplateBody } from '../types';
import { brandTemplateQueryKey } from './get-brand-template';
import { offeredTemplatesQueryKey } from './get-offered-templates';
import { brandTemplatesQueryKey } from './get-templates';

/**
 * POST /api/v1/templates (curators, admins): a whole template with its groups and options.
 * A 422 `validation_failed` names every broken field by its path.
 */
export function createTemplate(body: NewTemplateBody): Promise<BrandTemplate> {
  return apiClient.post<BrandTemplate>('/templates', body, { auth: true });
}

export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTemplate,
    onSuccess: (created) => {
      queryClient.setQueryData(brandTemplateQueryKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: brandTemplatesQueryKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: offeredTemplatesQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
    },
  });
}
