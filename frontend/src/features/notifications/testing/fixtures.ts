/** Notifications for the tests. */
import type { NotificationItem } from '../types';

export function notification(
  overrides: Partial<NotificationItem> & { id: string },
): NotificationItem {
  return {
    kind: 'comment',
    design: { id: 'd-1', slug: 'smoky-ada', name: 'Smoky Ada' },
    actor_name: 'Grace',
    count: null,
    created_at: Date.UTC(2026, 10, 20, 14, 5),
    read_at: null,
    ...overrides,
  };
}

export const allEmails = {
  email: {
    rating_milestone: true,
    comment: true,
    reply: true,
    remix: true,
    shortlisted: true,
    approved: true,
    changes_requested: true,
    rejected: true,
    listed: true,
    terms_changed: true,
    hidden: true,
  },
};
