import { describe, expect, it } from 'vitest';
import {
  buildNewTemplate,
  emptyTemplate,
  placeServerErrors,
  slugify,
  withoutError,
  type TemplateDraft,
} from './new-template';

const messages = {
  amount: (problem: string, kind: string) => `${kind}:${problem}`,
  zeroLimit: 'zero',
};

function filled(): TemplateDraft {
  const draft = emptyTemplate();
  const group = draft.groups[0];
  const option = group?.options[0];
  if (!group || !option) throw new Error('the empty template has a group with an option');
  return {
    ...draft,
    base_price: '8,50',
    base_cost: '2.5',
    base_prep_seconds: '90',
    groups: [
      {
        ...group,
        options: [
          {
            ...option,
            price_delta: '-0.5',
            cost: '0',
            prep_seconds: '5',
            kcal: '120',
            grams: { protein_mg: '12.345', carbohydrate_mg: '0', fat_mg: '7', salt_mg: '0,2' },
          },
        ],
      },
    ],
  };
}

describe('the new template’s request', () => {
  it('sends minor units, milligrams and no limit when the limit is empty', () => {
    const built = buildNewTemplate(filled(), 'EUR', messages);
    expect(built.errors).toBeNull();
    expect(built.body).toMatchObject({
      base_price: { amount_minor: 850, currency: 'EUR' },
      base_cost: 250,
      base_prep_seconds: 90,
      max_prep_seconds: null,
      groups: [
        {
          options: [
            {
              price_delta: -50,
              nutrition: {
                kcal: 120,
                protein_mg: 12345,
                carbohydrate_mg: 0,
                fat_mg: 7000,
                salt_mg: 200,
              },
            },
          ],
        },
      ],
    });
  });

  it('names every number it cannot read by its path', () => {
    const draft = filled();
    const built = buildNewTemplate(
      { ...draft, base_price: '1.234', max_prep_seconds: '0' },
      'EUR',
      messages,
    );
    expect(built.errors).toMatchObject({
      base_price: 'money:too_precise',
      max_prep_seconds: 'zero',
    });
  });
});

describe('placing the server’s errors', () => {
  it('puts each error beside its field or the nearest one that holds it', () => {
    const placed = placeServerErrors(
      [
        { field: 'groups[0].options[0].layer_svg', code: 'unsafe_svg', message: 'Unsafe.' },
        { field: 'name.fr', code: 'required', message: 'French name.' },
        { field: 'groups[0].options[0].nutrition.sugar_mg', code: 'x', message: 'Sugar.' },
        { field: '', code: 'invalid', message: 'Not complete.' },
      ],
      filled(),
      (error) => error.message,
    );
    expect(placed.fields).toEqual({
      'groups[0].options[0].layer_svg': 'Unsafe.',
      name: 'French name.',
      'groups[0].options[0].nutrition': 'Sugar.',
    });
    expect(placed.general).toEqual(['Not complete.']);
  });

  it('forgets an error once its field, or a field inside it, is edited', () => {
    const errors = { name: 'x', 'groups[0].options[0].nutrition': 'y', slug: 'z' };
    expect(withoutError(errors, 'name.en')).toEqual({
      'groups[0].options[0].nutrition': 'y',
      slug: 'z',
    });
    expect(withoutError(errors, 'groups[0].options[0].nutrition.kcal')).toEqual({
      name: 'x',
      slug: 'z',
    });
  });

  it('suggests a slug from the English name', () => {
    expect(slugify('  Crème brûlée Bowl! ')).toBe('creme-brulee-bowl');
  });
});
