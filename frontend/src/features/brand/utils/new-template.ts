/**
 * The "new template" form's draft: every field as typed (text, so nothing is rounded on the
 * way), turned into the `POST /api/v1/templates` body when it is sent. Errors, the form's own
 * and the server's, are keyed by the server's paths: `slug`, `groups[1].max_choices`,
 * `groups[0].options[2].layer_svg`.
 */
import type { ProblemFieldError } from '@/types/api';
import type { Allergen, DietaryTag, Localized } from '@/types/studio';
import type { NewGroupBody, NewOptionBody, NewTemplateBody } from '../types';
import {
  parseGramsToMg,
  parseMoney,
  parseWhole,
  type AmountProblem,
  type ParsedAmount,
} from './amounts';
import type { AmountKind } from './field-errors';

export const NUTRIENTS = ['protein_mg', 'carbohydrate_mg', 'fat_mg', 'salt_mg'] as const;
export type Nutrient = (typeof NUTRIENTS)[number];

export interface OptionDraft {
  /** Identity in the list while it is edited (options can be removed from the middle). */
  key: string;
  name: Localized;
  price_delta: string;
  cost: string;
  prep_seconds: string;
  kcal: string;
  /** In grams, as typed; sent in milligrams. */
  grams: Record<Nutrient, string>;
  allergens: Allergen[];
  dietary: DietaryTag[];
  layer_svg: string;
  layer_z: string;
  availability: 'active' | 'out_of_stock';
}

export interface GroupDraft {
  key: string;
  name: Localized;
  min_choices: string;
  max_choices: string;
  max_quantity: string;
  options: OptionDraft[];
}

export interface TemplateDraft {
  slug: string;
  name: Localized;
  description: Localized;
  base_price: string;
  base_cost: string;
  base_prep_seconds: string;
  /** Empty for no limit. */
  max_prep_seconds: string;
  base_layer_svg: string;
  groups: GroupDraft[];
}

let lastKey = 0;
function nextKey(): string {
  lastKey += 1;
  return `draft-${lastKey}`;
}

const noText = (): Localized => ({ en: '', fr: '' });

/** A new option; its layer goes above the earlier groups' by default. */
export function emptyOption(groupIndex: number): OptionDraft {
  return {
    key: nextKey(),
    name: noText(),
    price_delta: '',
    cost: '',
    prep_seconds: '',
    kcal: '',
    grams: { protein_mg: '', carbohydrate_mg: '', fat_mg: '', salt_mg: '' },
    allergens: [],
    dietary: [],
    layer_svg: '',
    layer_z: String((groupIndex + 1) * 10),
    availability: 'active',
  };
}

export function emptyGroup(groupIndex: number): GroupDraft {
  return {
    key: nextKey(),
    name: noText(),
    min_choices: '1',
    max_choices: '1',
    max_quantity: '1',
    options: [emptyOption(groupIndex)],
  };
}

export function emptyTemplate(): TemplateDraft {
  return {
    slug: '',
    name: noText(),
    description: noText(),
    base_price: '',
    base_cost: '',
    base_prep_seconds: '',
    max_prep_seconds: '',
    base_layer_svg: '',
    groups: [emptyGroup(0)],
  };
}

export const groupPath = (group: number) => `groups[${group}]`;
export const optionPath = (group: number, option: number) => `groups[${group}].options[${option}]`;

/** A slug from a name: "Crème brûlée bowl" -> "creme-brulee-bowl". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 48)
    .replace(/-+$/u, '');
}

export interface DraftMessages {
  amount: (problem: AmountProblem, kind: AmountKind) => string;
  /** A limit of 0 seconds: the field is left empty for no limit. */
  zeroLimit: string;
}

/**
 * The request body, or what stops it: the numbers that do not read (names, slugs and layers
 * are left to the server, which says exactly what it wants), keyed by path.
 */
export function buildNewTemplate(
  draft: TemplateDraft,
  currency: string,
  messages: DraftMessages,
): { body: NewTemplateBody; errors: null } | { body: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const read = (path: string, kind: AmountKind, parsed: ParsedAmount): number => {
    if (parsed.ok) return parsed.value;
    errors[path] = messages.amount(parsed.problem, kind);
    return 0;
  };
  const money = (path: string, text: string, allowNegative = false) =>
    read(path, 'money', parseMoney(text, currency, { allowNegative }));
  const seconds = (path: string, text: string) => read(path, 'seconds', parseWhole(text));
  const whole = (path: string, text: string, allowNegative = false) =>
    read(path, 'whole', parseWhole(text, { allowNegative }));
  const trimmed = (text: Localized): Localized => ({ en: text.en.trim(), fr: text.fr.trim() });

  const groups = draft.groups.map((group, gi): NewGroupBody => {
    const at = groupPath(gi);
    return {
      name: trimmed(group.name),
      min_choices: whole(`${at}.min_choices`, group.min_choices),
      max_choices: whole(`${at}.max_choices`, group.max_choices),
      max_quantity: whole(`${at}.max_quantity`, group.max_quantity),
      options: group.options.map((option, oi): NewOptionBody => {
        const path = optionPath(gi, oi);
        const grams = (nutrient: Nutrient) =>
          read(`${path}.nutrition.${nutrient}`, 'grams', parseGramsToMg(option.grams[nutrient]));
        return {
          name: trimmed(option.name),
          price_delta: money(`${path}.price_delta`, option.price_delta, true),
          cost: money(`${path}.cost`, option.cost),
          prep_seconds: seconds(`${path}.prep_seconds`, option.prep_seconds),
          nutrition: {
            kcal: whole(`${path}.nutrition.kcal`, option.kcal),
            protein_mg: grams('protein_mg'),
            carbohydrate_mg: grams('carbohydrate_mg'),
            fat_mg: grams('fat_mg'),
            salt_mg: grams('salt_mg'),
          },
          allergens: [...option.allergens],
          dietary: [...option.dietary],
          layer_svg: option.layer_svg.trim(),
          layer_z: whole(`${path}.layer_z`, option.layer_z, true),
          availability: option.availability,
        };
      }),
    };
  });

  const limit = draft.max_prep_seconds.trim();
  const body: NewTemplateBody = {
    slug: draft.slug.trim(),
    name: trimmed(draft.name),
    description: trimmed(draft.description),
    base_price: { amount_minor: money('base_price', draft.base_price), currency },
    base_cost: money('base_cost', draft.base_cost),
    base_prep_seconds: seconds('base_prep_seconds', draft.base_prep_seconds),
    max_prep_seconds: limit === '' ? null : seconds('max_prep_seconds', limit),
    base_layer_svg: draft.base_layer_svg.trim(),
    groups,
  };
  if (body.max_prep_seconds === 0 && !('max_prep_seconds' in errors)) {
    errors.max_prep_seconds = messages.zeroLimit;
  }
  return Object.keys(errors).length > 0 ? { body: null, errors } : { body, errors: null };
}

const TEMPLATE_SLOTS = [
  'slug',
  'name',
  'description',
  'base_price',
  'base_cost',
  'base_prep_seconds',
  'max_prep_seconds',
  'base_layer_svg',
  'groups',
];
const GROUP_SLOTS = ['name', 'min_choices', 'max_choices', 'max_quantity', 'options'];
const OPTION_SLOTS = [
  'name',
  'price_delta',
  'cost',
  'prep_seconds',
  'nutrition',
  'nutrition.kcal',
  ...NUTRIENTS.map((nutrient) => `nutrition.${nutrient}`),
  'allergens',
  'dietary',
  'layer_svg',
  'layer_z',
  'availability',
];

/** Every path the form shows an error beside. */
export function errorSlots(draft: TemplateDraft): Set<string> {
  const slots = new Set(TEMPLATE_SLOTS);
  draft.groups.forEach((group, gi) => {
    for (const slot of GROUP_SLOTS) slots.add(`${groupPath(gi)}.${slot}`);
    group.options.forEach((_, oi) => {
      for (const slot of OPTION_SLOTS) slots.add(`${optionPath(gi, oi)}.${slot}`);
    });
  });
  return slots;
}

/** `a.b[2].c` -> `a.b[2]` -> `a.b` -> `a` -> ``. */
function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : '';
}

/**
 * Where each of the server's errors goes: beside its field, or the nearest one that holds it
 * (`name.en` beside the name, `groups[0].options[0].nutrition.sugar_mg` beside the nutrition);
 * what has no place on the form is said for the whole form.
 */
export function placeServerErrors(
  errors: readonly ProblemFieldError[],
  draft: TemplateDraft,
  describe: (error: ProblemFieldError) => string,
): { fields: Record<string, string>; general: string[] } {
  const slots = errorSlots(draft);
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    let path = error.field;
    while (path && !slots.has(path)) path = parentPath(path);
    const message = describe(error);
    const before = path ? fields[path] : undefined;
    if (!path) general.push(message);
    else if (before === undefined) fields[path] = message;
    else if (!before.includes(message)) fields[path] = `${before} ${message}`;
  }
  return { fields, general };
}

/** Errors left once `path` (or a field inside it) has been edited. */
export function withoutError(errors: Record<string, string>, path: string): Record<string, string> {
  const stale = Object.keys(errors).filter(
    (key) => key === path || path.startsWith(`${key}.`) || path.startsWith(`${key}[`),
  );
  if (stale.length === 0) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !stale.includes(key)));
}

/** New templates are priced in euros, like the brand's menu. */
export const NEW_TEMPLATE_CURRENCY = 'EUR';

/** The draft with one group changed. */
export function mapGroup(
  draft: TemplateDraft,
  groupIndex: number,
  change: (group: GroupDraft) => GroupDraft,
): TemplateDraft {
  return {
    ...draft,
    groups: draft.groups.map((group, gi) => (gi === groupIndex ? change(group) : group)),
  };
}

/** The draft with one option changed. */
export function mapOption(
  draft: TemplateDraft,
  groupIndex: number,
  optionIndex: number,
  change: (option: OptionDraft) => OptionDraft,
): TemplateDraft {
  return mapGroup(draft, groupIndex, (group) => ({
    ...group,
    options: group.options.map((option, oi) => (oi === optionIndex ? change(option) : option)),
  }));
}
