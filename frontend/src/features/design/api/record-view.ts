import { useEffect, useRef } from 'react';
import { apiClient } from '@/lib/api-client';

/**
 * POST /api/v1/designs/{id}/views (204): one visit of the design's page, for its funnel. Sent
 * with the token when signed in, so that the server can leave out its creators' own visits.
 */
export async function recordView(id: string): Promise<void> {
  if (apiClient.session.getSnapshot().status === 'loading') await apiClient.session.restore();
  const auth = apiClient.session.accessToken() !== null;
  await apiClient.post<undefined>(`/designs/${encodeURIComponent(id)}/views`, undefined, { auth });
}

/** Count one view per visit of a design's page (not per render, nor per refetch). */
export function useRecordView(id: string): void {
  const counted = useRef<string | null>(null);
  useEffect(() => {
    if (counted.current === id) return;
    counted.current = id;
    // A lost view only makes the funnel a little smaller: never worth bothering the visitor.
    recordView(id).catch(() => undefined);
  }, [id]);
}
