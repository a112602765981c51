/** A small burger template, quotes and designs for the studio's tests. */
import type { RatingSummary } from '@/types/ratings';
import type { Template, TemplateOption } from '@/types/studio';
import type { Choice, Comment, Design, Invitation, Promotion, PublicDesign, Quote } from '../types';

const eur = (amount_minor: number) => ({ amount_minor, currency: 'EUR' });

function option(id: string, en: string, fr: string, extra: Partial<TemplateOption> = {}) {
  return {
    id,
    name: { en, fr },
    price_delta: eur(0),
    nutrition: { kcal: 100, protein_mg: 5000, carbohydrate_mg: 10000, fat_mg: 3000, salt_mg: 400 },
    allergens: [],
    dietary: ['vegetarian'],
    layer_svg: `<svg xmlns="http://www.w3.org/2000/svg" id="${id}"/>`,
    layer_z: 0,
    availability: 'active',
    ...extra,
  } satisfies TemplateOption;
}

export const BUN_GROUP = 'g-bun';
export const SAUCE_GROUP = 'g-sauce';

export const burgerTemplate: Template = {
  id: 'tpl-burger',
  slug: 'burger',
  name: { en: 'Burger', fr: 'Burger' },
  description: { en: 'Build your burger.', fr: 'Composez votre burger.' },
  base_price: eur(800),
  base_layer_svg: '<svg xmlns="http://www.w3.org/2000/svg" id="base"/>',
  max_prep_seconds: null,
  groups: [
    {
      id: BUN_GROUP,
      name: { en: 'Bun', fr: 'Pain' },
      min_choices: 1,
      max_choices: 1,
      max_quantity: 1,
      options: [
        option('o-brioche', 'Brioche bun', 'Pain brioché', {
          allergens: ['gluten', 'eggs', 'milk'],
          layer_z: 10,
        }),
        option('o-rye', 'Rye bun', 'Pain de seigle', {
          allergens: ['gluten'],
          price_delta: eur(50),
          layer_z: 10,
          availability: 'out_of_stock',
        }),
      ],
    },
    {
      id: SAUCE_GROUP,
      name: { en: 'Sauces', fr: 'Sauces' },
      min_choices: 0,
      max_choices: 2,
      max_quantity: 3,
      options: [
        option('o-bbq', 'Barbecue', 'Barbecue', { price_delta: eur(30), layer_z: 30 }),
        option('o-mayo', 'Mayonnaise', 'Mayonnaise', {
          price_delta: eur(20),
          allergens: ['eggs', 'mustard'],
          layer_z: 20,
        }),
        option('o-chili', 'Chili', 'Piment', { price_delta: eur(40), layer_z: 25 }),
      ],
    },
  ],
};

const prices: Record<string, number> = { 'o-brioche': 0, 'o-bbq': 30, 'o-mayo': 20, 'o-chili': 40 };

/** What the server would answer for these choices of {@link burgerTemplate}. */
export function quoteFor(choices: readonly Choice[]): Quote {
  const hasBun = choices.some((choice) => choice.option_id === 'o-brioche');
  const price = choices.reduce(
    (sum, choice) => sum + (prices[choice.option_id] ?? 0) * choice.quantity,
    800,
  );
  return {
    price: eur(price),
    nutrition: {
      kcal: 500,
      protein_mg: 25_000,
      carbohydrate_mg: 40_000,
      fat_mg: 20_000,
      salt_mg: 1_500,
    },
    allergens: hasBun ? ['gluten', 'eggs', 'milk'] : [],
    dietary: ['vegetarian'],
    layers: choices.map((choice) => choice.option_id),
    ready_to_publish: hasBun,
    unfinished: hasBun
      ? []
      : [
          {
            field: `groups.${BUN_GROUP}`,
            code: 'too_few_choices',
            message: 'Bun: choose at least 1.',
          },
        ],
  };
}

const noRatings: RatingSummary = {
  count: 0,
  average: null,
  lower_bound: 0,
  histogram: [0, 0, 0, 0, 0],
  would_buy_count: 0,
};

/** A design's ratings: `histogram` counts 1 to 5 stars. */
export function ratingSummary(
  histogram: RatingSummary['histogram'],
  would_buy_count = 0,
): RatingSummary {
  const count = histogram.reduce((sum, n) => sum + n, 0);
  const total = histogram.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return {
    count,
    average: count === 0 ? null : Math.round((total / count) * 100) / 100,
    lower_bound: count === 0 ? 0 : total / count / 2,
    histogram,
    would_buy_count,
  };
}

export function draftDesign(overrides: Partial<Design> = {}): Design {
  const choices = overrides.choices ?? [];
  return {
    id: 'd-1',
    status: 'draft',
    slug: null,
    url: null,
    template_id: burgerTemplate.id,
    template_name: burgerTemplate.name,
    name: '',
    story: '',
    tags: [],
    choices,
    quote: quoteFor(choices),
    creator: { id: '01937b2e-0000-7000-8000-000000000001', display_name: 'Ada' },
    remix_of: null,
    split: { creator_share_bps: 10000, co_creators: [], agreed: true },
    created_at: Date.UTC(2026, 10, 1),
    updated_at: Date.UTC(2026, 10, 1),
    published_at: null,
    ratings: noRatings,
    my_rating: null,
    shortlisted_at: null,
    promotion: null,
    standing: null,
    pending_ratings: null,
    funnel: null,
    review: null,
    revision_of: null,
    revised_by: null,
    listing: null,
    hidden: null,
    ...overrides,
  };
}

export function publicDesign(overrides: Partial<PublicDesign> = {}): PublicDesign {
  const choices = [
    { option_id: 'o-brioche', quantity: 1 },
    { option_id: 'o-bbq', quantity: 2 },
  ];
  return {
    ...draftDesign({ choices }),
    status: 'published',
    slug: 'smoky-ada',
    url: '/d/smoky-ada',
    name: 'Smoky Ada',
    story: 'First line\nSecond line',
    tags: ['smoky'],
    published_at: Date.UTC(2026, 10, 2),
    picture: {
      base_layer_svg: '<svg xmlns="http://www.w3.org/2000/svg" id="base"/>',
      layers: [
        { svg: '<svg id="bbq"/>', z: 30 },
        { svg: '<svg id="bun"/>', z: 10 },
      ],
    },
    chosen: [
      { name: { en: 'Brioche bun', fr: 'Pain brioché' }, quantity: 1 },
      { name: { en: 'Barbecue', fr: 'Barbecue' }, quantity: 2 },
    ],
    remixes: [],
    ancestry: [],
    ...overrides,
  };
}

/** An invitation to share a design's royalties, as `GET /me/invitations` lists it. */
export function invitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    design_id: 'd-7',
    design_name: 'Smoky Ada',
    creator_name: 'Grace',
    share_bps: 2500,
    status: 'invited',
    invited_at: Date.UTC(2026, 10, 3),
    ...overrides,
  };
}

/** Published designs' way to the brand: 7 of 10 ratings, 3.71 of 3.5, 2 of 3 would-buy. */
export function promotion(overrides: Partial<Promotion> = {}): Promotion {
  return {
    thresholds: {
      min_ratings: 10,
      min_lower_bound: 3.5,
      min_would_buy: 3,
      min_account_age_days: 3,
      require_verified_email: true,
    },
    progress: [
      { key: 'ratings', current: 7, target: 10, met: false },
      { key: 'lower_bound', current: 3.71, target: 3.5, met: true },
      { key: 'would_buy', current: 2, target: 3, met: false },
    ],
    met: false,
    ...overrides,
  };
}

/** A comment as `GET /designs/{id}/comments` lists it, editable for 15 minutes from now. */
export function comment(overrides: Partial<Comment> & { id: string }): Comment {
  const created = Date.now() - 60_000;
  return {
    design_id: 'd-1',
    parent_id: null,
    author: { id: 'acc-grace', display_name: 'Grace' },
    brand: false,
    body: `Comment ${overrides.id}`,
    deleted: false,
    created_at: created,
    edited_at: null,
    editable_until: created + 15 * 60_000,
    replies: [],
    ...overrides,
  };
}
