import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Availability } from '@/types/studio';
import type { BrandOption, BrandTemplate } from '../types';
import { brandTemplateQueryKey } from './get-brand-template';

export interface UpdateAvailabilityInput {
  optionId: string;
  availability: Availability;
}

/** PATCH /api/v1/brand/options/{id}: take an option off (out of stock, retired) or back on. */
export function updateOptionAvailability({
  optionId,
  availability,
}: UpdateAvailabilityInput): Promise<BrandOption> {
  return apiClient.patch<BrandOption>(
    `/brand/options/${encodeURIComponent(optionId)}`,
    { availability },
    { auth: true },
  );
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

/**
 * The new availability shows at once; if the server refuses, that option (and only that one:
 * another change may be under way) goes back to what it was.
 */
export function useUpdateOptionAvailability(templateId: string) {
  const queryClient = useQueryClient();
  const key = brandTemplateQueryKey(templateId);
  return useMutation({
    mutationFn: updateOptionAvailability,
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
      // The studio's copy of the template (public, under ['templates']) is out of date now.
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
    },
  });
}
