import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandSettings } from '../types';

/** GET /api/v1/brand/settings (brand). */
export function getBrandSettings(signal?: AbortSignal): Promise<BrandSettings> {
  return apiClient.get<BrandSettings>('/brand/settings', { auth: true, signal });
}

export const brandSettingsQueryKey = ['brand', 'settings'] as const;

export function useBrandSettings() {
  return useQuery(
    queryOptions({
      queryKey: brandSettingsQueryKey,
      queryFn: ({ signal }) => getBrandSettings(signal),
    }),
  );
}
