/** The development mail viewer (`GET /api/v1/admin/outbox`). */

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
