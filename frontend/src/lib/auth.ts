/** Who is signed in, for any part of the app (read-only; the auth feature changes it). */
import { useSyncExternalStore } from 'react';
import type { Account, Role } from '@/types/api';
import { apiClient } from './api-client';
import type { SessionState } from './session-store';

export function useSession(): SessionState {
  return useSyncExternalStore(apiClient.session.subscribe, apiClient.session.getSnapshot);
}

/** Roles that may open the brand console. */
export const BRAND_ROLES: readonly Role[] = ['curator', 'community_manager', 'admin'];

export function hasBrandRole(account: Account | null | undefined): boolean {
  return account?.roles.some((role) => BRAND_ROLES.includes(role)) ?? false;
}

/** Administrators: the development mail viewer and the brand's settings. */
export function isAdmin(account: Account | null | undefined): boolean {
  return account?.roles.includes('admin') ?? false;
}

/** Only same-site paths are accepted as a place to return to after signing in. */
export function safeRedirectPath(value: string | null | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
