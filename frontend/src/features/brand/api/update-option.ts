import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Availability } from '@/types/studio';
import type { BrandOption, BrandTemplate, OptionChange } from '../types';
import { brandTemplateQueryKey } from './get-brand-template';

export interface UpdateOptionInput {
  optionId: string;
  change: OptionChange;
}

/**
 * PATCH /api/v1/brand/options/{id}: take an option off (out of stock, retired) or back on, or
 * change its price, cost or preparation time. Published designs keep what they were made of.
 */
export function updateOption({ optionId, change }: UpdateOptionInput): Promise<BrandOption> {
  return apiClient.patch<BrandOption>(`/brand/options/${encodeURIComponent(optionId)}`, change, {
    auth: true,
  });
}

function withOption(
  template: BrandTemplate | undefined,
  optionId: string,
  change: (option: BrandOption) => BrandOption,
): BrandTemplate | undefined {
  if (!template) return template;
  return {
    ...template,
    groups: template.groups.map((group) => ({
      ...group,
      options: group.options.map((option) => (option.id === optionId ? change(option) : option)),
    })),
  };
}

/** The studio's copy of the templates (public, under ['templates']) is out of date now. */
function studioIsStale(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['templates'] });
}

/**
 * The new availability shows at once; if the server refuses, that option (and only that one:
 * another change may be under way) goes back to what it was.
 */
export function useUpdateOptionAvailability(templateId: string) {
  const queryClient = useQueryClient();
  const key = brandTemplateQueryKey(templateId);
  return useMutation({
    mutationFn: ({ optionId, availability }: { optionId: string; availability: Availability }) =>
      updateOption({ optionId, change: { availability } }),
    onMutate: async ({ optionId, availability }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient
        .getQueryData<BrandTemplate>(key)
        ?.groups.flatMap((group) => group.options)
        .find((option) => option.id === optionId)?.availability;
      queryClient.setQueryData<BrandTemplate>(key, (template) =>
        withOption(template, optionId, (option) => ({ ...option, availability })),
      );
      return { before };
    },
    onError: (_error, { optionId }, context) => {
      const before = context?.before;
      if (!before) return;
      queryClient.setQueryData<BrandTemplate>(key, (template) =>
        withOption(template, optionId, (option) => ({ ...option, availability: before })),
      );
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<BrandTemplate>(key, (template) =>
        withOption(template, saved.id, () => saved),
      );
      studioIsStale(queryClient);
    },
  });
}

/**
 * A new price, cost or preparation time. Not shown before the server accepts it (the form keeps
 * what was typed meanwhile); then the server's figures replace the old ones. Only those: an
 * availability change may still be on its way.
 */
export function useUpdateOptionFigures(templateId: string) {
  const queryClient = useQueryClient();
  const key = brandTemplateQueryKey(templateId);
  return useMutation({
    mutationFn: updateOption,
    onSuccess: (saved) => {
      queryClient.setQueryData<BrandTemplate>(key, (template) =>
        withOption(template, saved.id, (option) => ({
          ...option,
          price_delta: saved.price_delta,
          cost: saved.cost,
          prep_seconds: saved.prep_seconds,
        })),
      );
      studioIsStale(queryClient);
    },
  });
}
