import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandTemplateSummary } from '../types';

/** GET /api/v1/brand/templates: every template, retired ones too, to pick one to manage. */
export function getBrandTemplates(
  signal?: AbortSignal,
): Promise<{ items: BrandTemplateSummary[] }> {
  return apiClient.get<{ items: BrandTemplateSummary[] }>('/brand/templates', {
    auth: true,
    signal,
  });
}

/** The list; each template's own view lives under it (`brandTemplateQueryKey`). */
export const brandTemplatesQueryKey = ['brand', 'templates'] as const;

export function useBrandTemplates() {
  return useQuery(
    queryOptions({
      queryKey: brandTemplatesQueryKey,
      queryFn: ({ signal }) => getBrandTemplates(signal),
      select: (data) => data.items,
    }),
  );
}
