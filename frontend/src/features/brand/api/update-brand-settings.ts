import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandSettings } from '../types';
import { brandSettingsQueryKey } from './get-brand-settings';

/**
 * PUT /api/v1/brand/settings (admins; audited): the whole set each time. Promotion thresholds
 * apply at once: designs are counted and shortlisted again.
 */
export function updateBrandSettings(settings: BrandSettings): Promise<BrandSettings> {
  return apiClient.put<BrandSettings>('/brand/settings', settings, { auth: true });
}

export function useUpdateBrandSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBrandSettings,
    onSuccess: (saved: BrandSettings | undefined, sent) => {
      queryClient.setQueryData(brandSettingsQueryKey, saved ?? sent);
      // The thresholds change every design's promotion bars.
      void queryClient.invalidateQueries({ queryKey: ['designs'] });
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
    },
  });
}
