/** Notifications as `/api/v1/me/notifications` sends them. */

export const NOTIFICATION_KINDS = [
  'rating_milestone',
  'comment',
  'reply',
  'remix',
  'shortlisted',
  'approved',
  'changes_requested',
  'rejected',
  'listed',
  'terms_changed',
  'hidden',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  /** `slug` is null for a design that has no public page (a draft). */
  design: { id: string; slug: string | null; name: string };
  /** Who commented, replied or remixed; null for milestones and the brand's news. */
  actor_name: string | null;
  /** The number of ratings a milestone reached. */
  count: number | null;
  /** Unix milliseconds, UTC. */
  created_at: number;
  read_at: number | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  next_cursor: string | null;
}

/** Which kinds are also sent by email. */
export interface NotificationPreferences {
  email: Record<NotificationKind, boolean>;
}
