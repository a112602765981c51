import { useSession } from '@/lib/auth';

/**
 * Curators and administrators change the catalogue; community managers see the console but
 * may only read it (the server refuses their changes).
 */
export function useCanEditCatalog(): boolean {
  const session = useSession();
  return (
    session.session?.account.roles.some((role) => role === 'curator' || role === 'admin') ?? false
  );
}
