/**
 * The feed's filters as they live in the address (`/vote?sort=top&template=…&free_of=milk`), so
 * a filtered feed can be shared, and as they go to `GET /feed`.
 */
import { ALLERGENS, DIETARY_TAGS } from '@/lib/catalog';
import type { Allergen, DietaryTag } from '@/types/studio';
import type { FeedSort } from '../types';

/** The server searches names of 2 to 80 characters. */
export const SEARCH_MIN = 2;
export const SEARCH_MAX = 80;

export interface FeedFilters {
  template: string | null;
  /** An option of `template`; ignored without one. */
  option: string | null;
  /** Designs free of every one of these allergens. */
  freeOf: Allergen[];
  /** Designs that carry every one of these labels. */
  dietary: DietaryTag[];
  creator: string | null;
  /** Part of the name, already trimmed; empty for none. */
  q: string;
}

export const NO_FILTERS: FeedFilters = {
  template: null,
  option: null,
  freeOf: [],
  dietary: [],
  creator: null,
  q: '',
};

/** What a search box's text searches for: nothing until it is long enough to send. */
export function searchTerm(text: string): string {
  const term = Array.from(text.trim()).slice(0, SEARCH_MAX).join('');
  return Array.from(term).length >= SEARCH_MIN ? term : '';
}

/**
 * Read the filters from the address. Names the server does not know (a hand-edited link) are
 * dropped rather than turned into a 422, and lists come back in the catalogue's order.
 */
export function filtersFromParams(params: URLSearchParams): FeedFilters {
  // An empty value (`?template=`) means no filter, like a missing one.
  const nonEmpty = (name: string) => {
    const value = params.get(name);
    return value === '' ? null : value;
  };
  const template = nonEmpty('template');
  const freeOf = params.getAll('free_of');
  const dietary = params.getAll('dietary');
  return {
    template,
    option: template ? nonEmpty('option') : null,
    freeOf: ALLERGENS.filter((allergen) => freeOf.includes(allergen)),
    dietary: DIETARY_TAGS.filter((tag) => dietary.includes(tag)),
    creator: nonEmpty('creator'),
    q: searchTerm(params.get('q') ?? ''),
  };
}

/** The address's query with these filters in place of the old ones; `sort` is kept. */
export function withFilters(params: URLSearchParams, filters: FeedFilters): URLSearchParams {
  const next = new URLSearchParams();
  const sort = params.get('sort');
  if (sort) next.set('sort', sort);
  appendFilters(next, filters);
  return next;
}

function appendFilters(params: URLSearchParams, filters: FeedFilters): void {
  if (filters.template) {
    params.set('template', filters.template);
    if (filters.option) params.set('option', filters.option);
  }
  for (const allergen of filters.freeOf) params.append('free_of', allergen);
  for (const tag of filters.dietary) params.append('dietary', tag);
  if (filters.creator) params.set('creator', filters.creator);
  if (filters.q) params.set('q', filters.q);
}

/** The query string of `GET /feed` for one page. */
export function feedParams(
  sort: FeedSort,
  filters: FeedFilters,
  limit: number,
  cursor: string | null,
): URLSearchParams {
  const params = new URLSearchParams({ sort, limit: String(limit) });
  appendFilters(params, filters);
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** How many filters narrow the feed (shown on the phone's Filters button). */
export function activeFilterCount(filters: FeedFilters): number {
  return (
    (filters.template ? 1 : 0) +
    (filters.template && filters.option ? 1 : 0) +
    filters.freeOf.length +
    filters.dietary.length +
    (filters.creator ? 1 : 0) +
    (filters.q ? 1 : 0)
  );
}
