import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addLocalDays,
  dateInputValue,
  dateTimeInputValue,
  localDateTimeMs,
  localMidnightMs,
} from './dates';

// Node applies a new TZ at once; vitest puts the old one back after each test.
const inZone = (zone: string) => vi.stubEnv('TZ', zone);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('dates typed into date inputs, as unix milliseconds', () => {
  it('takes a day as its local midnight', () => {
    inZone('Europe/Paris');
    // Paris is one hour ahead of UTC in winter, two in summer.
    expect(localMidnightMs('2026-12-01')).toBe(Date.UTC(2026, 10, 30, 23));
    expect(localMidnightMs('2026-07-14')).toBe(Date.UTC(2026, 6, 13, 22));
    inZone('America/New_York');
    expect(localMidnightMs('2026-12-01')).toBe(Date.UTC(2026, 11, 1, 5));
  });

  it('refuses days that do not exist and text that is not a date', () => {
    expect(localMidnightMs('2026-02-30')).toBeNull();
    expect(localMidnightMs('2026-13-01')).toBeNull();
    expect(localMidnightMs('')).toBeNull();
    expect(localMidnightMs('01/12/2026')).toBeNull();
  });

  it('takes a date and time where the reader is', () => {
    inZone('Europe/Paris');
    expect(localDateTimeMs('2026-12-01T14:05')).toBe(Date.UTC(2026, 11, 1, 13, 5));
    expect(localDateTimeMs('2026-12-01T24:00')).toBeNull();
    expect(localDateTimeMs('2026-12-01')).toBeNull();
  });

  it('fills the inputs back from a moment, and counts days across a clock change', () => {
    inZone('Europe/Paris');
    const moment = Date.UTC(2026, 10, 30, 23, 30); // 00:30 on 1 December in Paris
    expect(dateInputValue(moment)).toBe('2026-12-01');
    expect(dateTimeInputValue(moment)).toBe('2026-12-01T00:30');
    // Clocks go back on 25 October 2026: that day has 25 hours.
    expect(addLocalDays(Date.UTC(2026, 9, 24, 12), 2)).toBe(localMidnightMs('2026-10-26'));
  });
});
