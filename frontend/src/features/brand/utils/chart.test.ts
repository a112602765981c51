import { describe, expect, it } from 'vitest';
import { barLayout, csvFilename, utcDayLabel } from './chart';

describe('the analytics’ bar charts', () => {
  it('lay bars side by side, the largest reaching the top', () => {
    expect(barLayout([2, 0, 4], { width: 30, height: 100, gap: 2 })).toEqual([
      { x: 1, y: 50, width: 8, height: 50 },
      { x: 11, y: 100, width: 8, height: 0 },
      { x: 21, y: 0, width: 8, height: 100 },
    ]);
  });

  it('draw nothing tall for a period without ratings, and nothing at all for no days', () => {
    expect(barLayout([0, 0], { width: 10, height: 50 }).map((bar) => bar.height)).toEqual([0, 0]);
    expect(barLayout([], { width: 10, height: 50 })).toEqual([]);
  });

  it('scale a second series against the first', () => {
    const [bar] = barLayout([3], { width: 10, height: 90, gap: 0, max: 9 });
    expect(bar?.height).toBe(30);
  });

  it('label UTC days in the reader’s language, whatever the time zone', () => {
    expect(utcDayLabel('2026-11-01', 'en')).toBe('Nov 1');
    expect(utcDayLabel('2026-11-01', 'fr')).toBe('1 nov.');
  });

  it('name the CSV files by what and when', () => {
    expect(csvFilename('ratings-30-days', Date.UTC(2026, 10, 23, 9))).toBe(
      'cocreate-ratings-30-days-2026-11-23.csv',
    );
  });
});
