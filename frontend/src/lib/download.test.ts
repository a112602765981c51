import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvPath, saveBlob } from './download';

afterEach(() => {
  vi.useRealTimers();
});

describe('CSV downloads', () => {
  it('asks for the same address as CSV, keeping its query', () => {
    expect(csvPath('/brand/analytics/options')).toBe('/brand/analytics/options?format=csv');
    expect(csvPath('/brand/analytics/ratings?days=30')).toBe(
      '/brand/analytics/ratings?days=30&format=csv',
    );
    expect(csvPath('/x?format=json')).toBe('/x?format=csv');
  });

  it('saves a Blob under its name through a link nobody sees, then lets it go', () => {
    vi.useFakeTimers();
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:csv-1');
    const revokeObjectURL = vi.fn<(url: string) => void>();
    // jsdom has no object URLs.
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = createObjectURL;
        static override revokeObjectURL = revokeObjectURL;
      },
    );
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const blob = new Blob(['date,ratings\n'], { type: 'text/csv' });

    saveBlob(blob, 'ratings.csv');

    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('ratings.csv');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:csv-1');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:csv-1');
  });
});
