import { describe, expect, it } from 'vitest';
import { isUuid, prettyDetail, shortId } from './audit-entry';

describe('an audit entry’s ids', () => {
  it('are cut short when they are UUIDs, and kept whole otherwise', () => {
    expect(isUuid('01937b2e-0000-7000-8000-000000000001')).toBe(true);
    expect(shortId('01937b2e-0000-7000-8000-000000000001')).toBe('01937b2e…');
    expect(isUuid('brand')).toBe(false);
    expect(shortId('brand')).toBe('brand');
  });
});

describe('an audit entry’s detail', () => {
  it('is indented for reading', () => {
    expect(prettyDetail('{"price":{"amount":"4.50","currency":"EUR"},"reason":"ok"}')).toBe(
      '{\n  "price": {\n    "amount": "4.50",\n    "currency": "EUR"\n  },\n  "reason": "ok"\n}',
    );
  });

  it('says nothing when it is empty, and is shown as sent when it is not JSON', () => {
    expect(prettyDetail('{}')).toBeNull();
    expect(prettyDetail('  ')).toBeNull();
    expect(prettyDetail('null')).toBeNull();
    expect(prettyDetail('not json {')).toBe('not json {');
  });
});
