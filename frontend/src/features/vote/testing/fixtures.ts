/** Designs of the community feed for the vote page's tests. */
import type { Template, TemplateOption, TemplateSummary } from '@/types/studio';
import type { FeedItem } from '../types';

export function feedItem(overrides: Partial<FeedItem> & { slug: string }): FeedItem {
  const { slug } = overrides;
  return {
    id: `d-${slug}`,
    url: `/d/${slug}`,
    preview_url: `/d/${slug}/preview.png`,
    name: slug,
    creator_id: 'acc-ada',
    creator_name: 'Ada',
    status: 'published',
    template_id: 'tpl-burger',
    price: { amount_minor: 860, currency: 'EUR' },
    ratings: {
      count: 200,
      average: 4.56,
      lower_bound: 4.4,
      histogram: [2, 8, 10, 40, 140],
      would_buy_count: 120,
    },
    published_at: Date.UTC(2026, 10, 2),
    ...overrides,
  };
}

const eur = (amount_minor: number) => ({ amount_minor, currency: 'EUR' });

export const burgerSummary: TemplateSummary = {
  id: 'tpl-burger',
  slug: 'burger',
  name: { en: 'Burger', fr: 'Burger' },
  description: { en: 'Build your burger.', fr: 'Composez votre burger.' },
  base_price: eur(800),
};

function option(id: string, en: string): TemplateOption {
  return {
    id,
    name: { en, fr: en },
    price_delta: eur(0),
    nutrition: { kcal: 100, protein_mg: 0, carbohydrate_mg: 0, fat_mg: 0, salt_mg: 0 },
    allergens: [],
    dietary: [],
    layer_svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    layer_z: 0,
    availability: 'active',
  };
}

/** The burger template with two groups, for the "contains" filter. */
export const burgerTemplate: Template = {
  ...burgerSummary,
  base_layer_svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  max_prep_seconds: null,
  groups: [
    {
      id: 'g-bun',
      name: { en: 'Bun', fr: 'Pain' },
      min_choices: 1,
      max_choices: 1,
      max_quantity: 1,
      options: [option('o-brioche', 'Brioche bun'), option('o-rye', 'Rye bun')],
    },
    {
      id: 'g-sauce',
      name: { en: 'Sauces', fr: 'Sauces' },
      min_choices: 0,
      max_choices: 2,
      max_quantity: 1,
      options: [option('o-bbq', 'Barbecue')],
    },
  ],
};
