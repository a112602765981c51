/** The geometry of the analytics' small bar charts, drawn as inline SVG without a library. */
import type { Language } from '@/lib/i18n';

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One bar per value, side by side across `width`, standing on the bottom of `height`; the
 * largest value (or `max`, when given) reaches the top. Zeros get no height, so an empty day
 * reads as empty.
 */
export function barLayout(
  values: readonly number[],
  { width, height, gap = 2, max }: { width: number; height: number; gap?: number; max?: number },
): Bar[] {
  if (values.length === 0) return [];
  const top = Math.max(1, max ?? Math.max(...values));
  const slot = width / values.length;
  const barWidth = Math.max(1, slot - gap);
  return values.map((value, index) => {
    const barHeight = (Math.max(0, value) / top) * height;
    return {
      x: index * slot + (slot - barWidth) / 2,
      y: height - barHeight,
      width: barWidth,
      height: barHeight,
    };
  });
}

/** A UTC day ("2026-11-01") as a short date in the reader's language: "Nov 1", "1 nov.". */
export function utcDayLabel(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return date;
  return new Intl.DateTimeFormat(language, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day));
}

/** The CSV export's file name: `cocreate-ratings-30-days-2026-11-23.csv`. */
export function csvFilename(name: string, now: number): string {
  return `cocreate-${name}-${new Date(now).toISOString().slice(0, 10)}.csv`;
}
