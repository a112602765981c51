/**
 * What the admin pages read: the development mail viewer (`GET /api/v1/admin/outbox`) and the
 * audit log (`GET /api/v1/admin/audit-log`).
 */

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  /** The plain-text body, links included as written. */
  text: string;
  /** Unix milliseconds, UTC. */
  created_at: number;
  /** Null while still queued. */
  sent_at: number | null;
}

export interface OutboxPage {
  items: OutboxMail[];
  next_cursor: string | null;
}

/** One change the app recorded: who did what, to what, when, and from which request. */
export interface AuditEntry {
  id: string;
  /** Unix milliseconds, UTC. */
  at: number;
  /** The account that acted; null for the command line or the system itself. */
  actor_id: string | null;
  /** E.g. `review.approved`, `listing.retired`, `role.granted`. */
  action: string;
  /** E.g. `design`, `listing`, `account`, `comment`, `brand_settings`. */
  target_type: string;
  target_id: string;
  /** A JSON object, serialised as text. */
  detail: string;
  request_id: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  next_cursor: string | null;
}
