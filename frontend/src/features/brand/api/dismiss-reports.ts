import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ReportTargetType } from '../types';
import { reportTargetsQueryKey } from './get-report-targets';

export interface DismissInput {
  target_type: ReportTargetType;
  target_id: string;
  reason: string;
}

/** POST /api/v1/brand/reports/dismiss: resolves a target's open reports without hiding it. */
export function dismissReports(input: DismissInput): Promise<unknown> {
  return apiClient.post<unknown>('/brand/reports/dismiss', input, { auth: true });
}

export function useDismissReports() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: dismissReports,
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportTargetsQueryKey }),
  });
}
