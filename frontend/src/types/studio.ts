/** Shapes of the studio's catalogue (templates, groups, options) that more than one feature reads. */

/** An amount in minor units (cents) of an ISO 4217 currency. Never a float. */
export interface Money {
  amount_minor: number;
  currency: string;
}

/** A text the brand wrote in both languages. */
export interface Localized {
  en: string;
  fr: string;
}

/** Per portion, in whole kilocalories and milligrams. */
export interface Nutrition {
  kcal: number;
  protein_mg: number;
  carbohydrate_mg: number;
  fat_mg: number;
  salt_mg: number;
}

/** One of the 14 allergens EU regulation 1169/2011 requires to be declared. */
export type Allergen =
  | 'gluten'
  | 'crustaceans'
  | 'eggs'
  | 'fish'
  | 'peanuts'
  | 'soybeans'
  | 'milk'
  | 'nuts'
  | 'celery'
  | 'mustard'
  | 'sesame'
  | 'sulphites'
  | 'lupin'
  | 'molluscs';

export type DietaryTag = 'vegetarian' | 'vegan' | 'gluten_free' | 'dairy_free' | 'halal';

/** Retired options are left out of the public template; the brand console sees them. */
export type Availability = 'active' | 'out_of_stock' | 'retired';

export interface TemplateSummary {
  id: string;
  slug: string;
  name: Localized;
  description: Localized;
  base_price: Money;
}

export interface TemplateOption {
  id: string;
  name: Localized;
  price_delta: Money;
  nutrition: Nutrition;
  /** {@link Allergen} names; a newer server may send one this app does not know yet. */
  allergens: string[];
  /** {@link DietaryTag} names. */
  dietary: string[];
  layer_svg: string;
  layer_z: number;
  availability: Availability;
}

export interface OptionGroup<O extends TemplateOption = TemplateOption> {
  id: string;
  name: Localized;
  min_choices: number;
  max_choices: number;
  /** Portions of one option a design may take (a stepper when above 1). */
  max_quantity: number;
  options: O[];
}

export interface Template<O extends TemplateOption = TemplateOption> extends TemplateSummary {
  base_layer_svg: string;
  max_prep_seconds: number | null;
  groups: OptionGroup<O>[];
}
