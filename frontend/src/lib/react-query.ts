/** The TanStack Query client and its defaults. */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Retrying a 4xx only repeats the same answer; retry network and server failures twice. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
