import { useSearchParams } from 'react-router';
import { safeRedirectPath } from '@/lib/auth';

/** Pages of signing in, and of the one-time links sent by email: never worth coming back to. */
const AUTH_PAGES = ['/signin', '/signup', '/forgot-password', '/reset-password', '/verify-email'];

/** Where to go after signing in: the `next` the guard sent us with, or home. */
export function useRedirectTarget(): string {
  const [params] = useSearchParams();
  const next = safeRedirectPath(params.get('next'));
  if (!next || AUTH_PAGES.some((page) => next === page || next.startsWith(`${page}?`))) return '/';
  return next;
}
