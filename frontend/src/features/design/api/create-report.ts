import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ReportInput } from '../types';

/**
 * POST /api/v1/reports (signed in) → 201 `{ id }`: asks the community managers to look at a
 * design or a comment. 409 `already_reported` when this account reported it before.
 */
export function createReport(input: ReportInput): Promise<{ id: string }> {
  return apiClient.post<{ id: string }>('/reports', input, { auth: true });
}

export function useCreateReport() {
  return useMutation({ mutationFn: createReport });
}
