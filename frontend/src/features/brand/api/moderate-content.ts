import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ReportTargetType } from '../types';
import { reportTargetsQueryKey } from './get-report-targets';

export interface ModerateContentInput {
  targetType: ReportTargetType;
  targetId: string;
  /** Hiding resolves the target's open reports; restoring brings it back. */
  action: 'hide' | 'restore';
  reason: string;
}

/**
 * POST /api/v1/brand/{designs|comments}/{id}/{hide|restore} `{ reason }` (required). A hidden
 * design leaves the feeds and the menu and cannot be rated; a hidden comment shows as hidden by
 * the brand.
 */
export function moderateContent({
  targetType,
  targetId,
  action,
  reason,
}: ModerateContentInput): Promise<unknown> {
  const collection = targetType === 'design' ? 'designs' : 'comments';
  return apiClient.post<unknown>(
    `/brand/${collection}/${encodeURIComponent(targetId)}/${action}`,
    { reason },
    { auth: true },
  );
}

export function useModerateContent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moderateContent,
    onSettled: () => {
      // Feeds, the menu and the design's page change with it.
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
      void queryClient.invalidateQueries({ queryKey: ['menu'] });
      void queryClient.invalidateQueries({ queryKey: ['designs'] });
      return queryClient.invalidateQueries({ queryKey: reportTargetsQueryKey });
    },
  });
}
