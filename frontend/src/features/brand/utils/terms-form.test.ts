import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import { bpsInputValue, percentToBps, placeServerErrors, termsFieldOf } from './terms-form';

const t = i18n.getFixedT('en');

describe('royalty shares typed as percentages', () => {
  it('reads them exactly as basis points, and fills the field back', () => {
    expect(percentToBps('5')).toEqual({ ok: true, value: 500 });
    expect(percentToBps('0.01')).toEqual({ ok: true, value: 1 });
    expect(percentToBps('12,5')).toEqual({ ok: true, value: 1250 });
    expect(percentToBps('1.234')).toEqual({ ok: false, problem: 'too_precise' });
    expect(bpsInputValue(500, 'en')).toBe('5');
    expect(bpsInputValue(1250, 'fr')).toBe('12,5');
    expect(bpsInputValue(1205, 'en')).toBe('12.05');
    expect(bpsInputValue(1, 'en')).toBe('0.01');
  });
});

describe('the server’s errors about terms', () => {
  it('go beside the field they name, with or without the terms. prefix', () => {
    expect(termsFieldOf('price.amount_minor')).toBe('price');
    expect(termsFieldOf('terms.royalty_bps')).toBe('royalty_percent');
    expect(termsFieldOf('royalty_fixed.amount_minor')).toBe('royalty_fixed');
    expect(termsFieldOf('effective_from')).toBeNull();
  });

  it('say a royalty cut in words, and keep what has no field for the whole form', () => {
    const error = new ApiError({
      status: 422,
      code: 'royalty_cut',
      title: 'Unprocessable',
      fieldErrors: [
        { field: 'royalty_bps', code: 'royalty_cut', message: 'cannot go down' },
        { field: 'terms', code: 'required', message: 'at least one royalty above zero' },
      ],
    });
    expect(placeServerErrors(error, termsFieldOf, t)).toEqual({
      fields: {
        royalty_percent:
          'A royalty cannot go down: that needs the creators’ consent (retire the listing and approve a new offer).',
      },
      general: ['at least one royalty above zero'],
    });
  });
});
