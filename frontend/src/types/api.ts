/** Shapes of the public JSON API (/api/v1) that more than one feature reads. */

export type Role = 'customer' | 'curator' | 'community_manager' | 'admin';

export interface Account {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  /** Unix milliseconds, UTC. */
  created_at: number;
  /**
   * Whether the account proved it owns its email. `GET /me` always sends it; a session's copy
   * of the account may not, so a missing value means "not known yet", not "unverified".
   */
  email_verified?: boolean;
}

export interface Session {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds until the access token expires. */
  expires_in: number;
  account: Account;
}

export interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details, as the server sends them (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  request_id?: string;
  errors?: ProblemFieldError[];
}
