/** How close the brand is to the answer it promised a design by. */

export const DAY_MS = 86_400_000;

/** Two days or less left: the review queue flags it. */
export const DUE_SOON_MS = 2 * DAY_MS;

export type DeadlineFlag = 'overdue' | 'due_soon' | null;

/**
 * `overdue` once the deadline has passed, `due_soon` within two days of it, else null. The
 * server's flags were true when the page was loaded; the clock may have moved on since, so
 * either source is enough to raise a flag.
 */
export function deadlineFlag(
  dueAt: number,
  now: number,
  server: { overdue?: boolean; due_soon?: boolean } = {},
): DeadlineFlag {
  if (server.overdue === true || now >= dueAt) return 'overdue';
  if (server.due_soon === true || dueAt - now <= DUE_SOON_MS) return 'due_soon';
  return null;
}
