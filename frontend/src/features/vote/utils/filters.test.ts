import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  activeFilterCount,
  feedParams,
  filtersFromParams,
  searchTerm,
  withFilters,
} from './filters';

describe('feed filters in the address', () => {
  it('read back what they wrote, in the catalogue’s order', () => {
    const filters = {
      ...NO_FILTERS,
      template: 'tpl-1',
      option: 'opt-2',
      freeOf: ['gluten' as const, 'milk' as const],
      dietary: ['vegan' as const],
      q: 'smoky',
    };
    const params = withFilters(new URLSearchParams('sort=top&cursor=x'), filters);
    expect(params.toString()).toBe(
      'sort=top&template=tpl-1&option=opt-2&free_of=gluten&free_of=milk&dietary=vegan&q=smoky',
    );
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('drop names the server does not know and an option without its template', () => {
    const filters = filtersFromParams(
      new URLSearchParams('free_of=milk&free_of=kryptonite&free_of=gluten&dietary=paleo&option=o'),
    );
    expect(filters.freeOf).toEqual(['gluten', 'milk']);
    expect(filters.dietary).toEqual([]);
    expect(filters.option).toBeNull();
  });

  it('search only once there are two characters, and at most eighty', () => {
    expect(searchTerm(' a ')).toBe('');
    expect(searchTerm(' ab ')).toBe('ab');
    expect(Array.from(searchTerm('é'.repeat(100)))).toHaveLength(80);
  });

  it('go to the server after the sort and the page size, the cursor last', () => {
    const params = feedParams('new', { ...NO_FILTERS, creator: 'acc-1' }, 24, 'c1');
    expect(params.toString()).toBe('sort=new&limit=24&creator=acc-1&cursor=c1');
  });

  it('count what narrows the feed', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(
      activeFilterCount({ ...NO_FILTERS, template: 't', option: 'o', freeOf: ['milk'], q: 'ab' }),
    ).toBe(4);
  });
});
