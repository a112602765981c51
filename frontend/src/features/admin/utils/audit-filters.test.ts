import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  NO_FILTERS,
  auditLogParams,
  checkFilters,
  filterSearch,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  normalizeFilters,
} from './audit-filters';

const ADA = '01937b2e-0000-7000-8000-000000000001';

// Node applies a new TZ at once; vitest puts the old one back after each test.
const inZone = (zone: string) => vi.stubEnv('TZ', zone);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('audit log filters in the address', () => {
  it('read back what they wrote, leaving out the empty ones', () => {
    const filters = {
      ...NO_FILTERS,
      action: 'review.approved',
      actor_id: ADA,
      from: '2026-11-01',
      to: '2026-11-30',
    };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(
      `action=review.approved&actor_id=${ADA}&from=2026-11-01&to=2026-11-30`,
    );
    expect(filtersFromParams(params)).toEqual(filters);
    expect(filtersToParams(NO_FILTERS).toString()).toBe('');
  });

  it('ignore parameters they do not know and trim spaces from a hand-edited link', () => {
    const filters = filtersFromParams(
      new URLSearchParams('target_type=%20design%20&target_id=d1&cursor=x&sort=new&action='),
    );
    expect(filters).toEqual({ ...NO_FILTERS, target_type: 'design', target_id: 'd1' });
    expect(normalizeFilters({ action: '  role.granted ' })).toEqual({
      ...NO_FILTERS,
      action: 'role.granted',
    });
  });

  it('make links that narrow the view and keep the other filters', () => {
    const filters = { ...NO_FILTERS, action: 'listing.retired', actor_id: ADA };
    expect(filterSearch(filters, { target_type: 'listing', target_id: 'l1' })).toBe(
      `?action=listing.retired&actor_id=${ADA}&target_type=listing&target_id=l1`,
    );
    expect(filterSearch(NO_FILTERS, { actor_id: ADA })).toBe(`?actor_id=${ADA}`);
  });

  it('know when anything narrows the view', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, to: '2026-11-30' })).toBe(true);
  });
});

describe('checking the filters before asking the server', () => {
  it('accepts no filters, a UUID, and a range of one day', () => {
    expect(checkFilters(NO_FILTERS)).toEqual({});
    expect(
      checkFilters({
        ...NO_FILTERS,
        actor_id: ADA.toUpperCase(),
        from: '2026-11-01',
        to: '2026-11-01',
      }),
    ).toEqual({});
  });

  it('refuses an actor id that is not a UUID, a day that does not exist, a range backwards', () => {
    expect(checkFilters({ ...NO_FILTERS, actor_id: 'ada' })).toEqual({
      actor_id: 'audit.problems.actorId',
    });
    expect(checkFilters({ ...NO_FILTERS, from: '2026-02-30', to: 'soon' })).toEqual({
      from: 'audit.problems.date',
      to: 'audit.problems.date',
    });
    expect(checkFilters({ ...NO_FILTERS, from: '2026-11-02', to: '2026-11-01' })).toEqual({
      to: 'audit.problems.toBeforeFrom',
    });
  });
});

describe('the audit log’s query string', () => {
  it('sends the days as local midnights, the last day included whole', () => {
    inZone('Europe/Paris');
    const params = auditLogParams(
      { ...NO_FILTERS, from: '2026-11-01', to: '2026-11-30' },
      50,
      null,
    );
    // Paris is one hour ahead of UTC in November; "to" ends at the next day's midnight.
    expect(params.get('since')).toBe(String(Date.UTC(2026, 9, 31, 23)));
    expect(params.get('until')).toBe(String(Date.UTC(2026, 10, 30, 23)));
  });

  it('counts a day of 25 hours as one day', () => {
    inZone('Europe/Paris');
    // Clocks go back on 25 October 2026: that day starts at UTC+2 and ends at UTC+1.
    const params = auditLogParams(
      { ...NO_FILTERS, from: '2026-10-25', to: '2026-10-25' },
      50,
      null,
    );
    expect(params.get('since')).toBe(String(Date.UTC(2026, 9, 24, 22)));
    expect(params.get('until')).toBe(String(Date.UTC(2026, 9, 25, 23)));
  });

  it('follows the reader’s time zone', () => {
    inZone('America/New_York');
    const params = auditLogParams({ ...NO_FILTERS, from: '2026-12-01' }, 50, null);
    expect(params.get('since')).toBe(String(Date.UTC(2026, 11, 1, 5)));
    expect(params.has('until')).toBe(false);
  });

  it('puts the API’s names first, then the page size, the cursor last', () => {
    const params = auditLogParams(
      {
        ...NO_FILTERS,
        action: 'role.granted',
        actor_id: ADA,
        target_type: 'account',
        target_id: 'a1',
      },
      50,
      'c1',
    );
    expect(params.toString()).toBe(
      `action=role.granted&actor_id=${ADA}&target_type=account&target_id=a1&limit=50&cursor=c1`,
    );
    expect(auditLogParams(NO_FILTERS, 20, null).toString()).toBe('limit=20');
  });
});
