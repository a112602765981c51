/** The one-time links sent by email (verify an address, reset a password). */
import { ApiError } from '@/lib/api-client';

/** The server refused the link's token: unknown, already used, or expired. */
export function isInvalidToken(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'invalid_token' || error.fieldError('token')?.code === 'invalid_token')
  );
}
