/** Menus for the menu page's tests. */
import type { MenuItem } from '../types';

export function menuItem(overrides: Partial<MenuItem> & { slug: string }): MenuItem {
  const { slug, ...rest } = overrides;
  return {
    listing_id: `l-${slug}`,
    design: { id: `d-${slug}`, slug, name: slug, url: `/d/${slug}` },
    picture_url: `/d/${slug}/preview.png`,
    price: { amount_minor: 1250, currency: 'EUR' },
    allergens: ['milk', 'gluten'],
    dietary: ['vegetarian'],
    kcal: 780,
    creators: ['Ana', 'Ben'],
    ratings: { count: 42, mean: 4.4, lower_bound: 3.9 },
    ...rest,
  };
}
