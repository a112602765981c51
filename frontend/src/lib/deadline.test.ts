import { describe, expect, it } from 'vitest';
import { DAY_MS, deadlineFlag } from './deadline';

describe('how close a review is to its deadline', () => {
  const due = Date.UTC(2026, 11, 7, 12);

  it('is due soon within two days, overdue once past', () => {
    expect(deadlineFlag(due, due - 3 * DAY_MS)).toBeNull();
    expect(deadlineFlag(due, due - 2 * DAY_MS)).toBe('due_soon');
    expect(deadlineFlag(due, due - 1)).toBe('due_soon');
    expect(deadlineFlag(due, due)).toBe('overdue');
  });

  it('keeps the server’s flags even if this clock is behind', () => {
    expect(deadlineFlag(due, due - 5 * DAY_MS, { overdue: true })).toBe('overdue');
    expect(deadlineFlag(due, due - 5 * DAY_MS, { due_soon: true })).toBe('due_soon');
    expect(deadlineFlag(due, due - 5 * DAY_MS, { overdue: false, due_soon: false })).toBeNull();
  });
});
