import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Language } from '@/lib/i18n';
import type { Menu } from '../types';

/** GET /api/v1/menu?lang= (public): what can be ordered now, by template. */
export function getMenu(language: Language, signal?: AbortSignal): Promise<Menu> {
  return apiClient.get<Menu>(`/menu?lang=${language}`, { signal });
}

/** Every language's menu; the brand console refreshes it when a listing changes. */
export const menuQueryKey = ['menu'] as const;

export function menuQueryOptions(language: Language) {
  return queryOptions({
    queryKey: [...menuQueryKey, language] as const,
    queryFn: ({ signal }) => getMenu(language, signal),
  });
}

export function useMenu(language: Language) {
  return useQuery(menuQueryOptions(language));
}
