/** Words for the catalogue's fixed vocabularies (allergens, dietary tags, availability). */
import type { TFunction } from 'i18next';
import type { Allergen, Availability, DietaryTag } from '@/types/studio';

/** In the order of EU regulation 1169/2011, which is also the order labels list them in. */
export const ALLERGENS: readonly Allergen[] = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soybeans',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
];

export const DIETARY_TAGS: readonly DietaryTag[] = [
  'vegetarian',
  'vegan',
  'gluten_free',
  'dairy_free',
  'halal',
];

export const AVAILABILITIES: readonly Availability[] = ['active', 'out_of_stock', 'retired'];

function isAllergen(name: string): name is Allergen {
  return (ALLERGENS as readonly string[]).includes(name);
}

function isDietaryTag(name: string): name is DietaryTag {
  return (DIETARY_TAGS as readonly string[]).includes(name);
}

/** An allergen's name in the reader's language (a name we do not know is shown as sent). */
export function allergenLabel(name: string, t: TFunction): string {
  return isAllergen(name) ? t(`allergens.${name}`) : name;
}

export function dietaryLabel(name: string, t: TFunction): string {
  return isDietaryTag(name) ? t(`dietary.${name}`) : name;
}

/** Allergen names in the regulation's order, translated, without duplicates. */
export function allergenLabels(names: readonly string[], t: TFunction): string[] {
  const known = ALLERGENS.filter((allergen) => names.includes(allergen));
  const unknown = [...new Set(names.filter((name) => !isAllergen(name)))];
  return [...known, ...unknown].map((name) => allergenLabel(name, t));
}
