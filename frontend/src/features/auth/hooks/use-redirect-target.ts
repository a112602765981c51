import { useSearchParams } from 'react-router';
import { safeRedirectPath } from '@/lib/auth';

const AUTH_PAGES = ['/signin', '/signup'];

/** Where to go after signing in: the `next` the guard sent us with, or home. */
export function useRedirectTarget(): string {
  const [params] = useSearchParams();
  const next = safeRedirectPath(params.get('next'));
  if (!next || AUTH_PAGES.some((page) => next === page || next.startsWith(`${page}?`))) return '/';
  return next;
}
