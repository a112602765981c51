import { describe, expect, it } from 'vitest';
import { placeDesignErrors } from './errors';

const groups: Record<string, string> = { 'o-bun': 'g-bun', 'o-bbq': 'g-sauce' };

describe('placing the server’s complaints', () => {
  it('puts group, choice and field errors beside what they are about', () => {
    const placed = placeDesignErrors(
      [
        { field: 'groups.g-bun', code: 'too_few_choices', message: 'Bun: choose at least 1.' },
        { field: 'choices[1]', code: 'unavailable', message: 'Barbecue is not available.' },
        { field: 'name', code: 'required', message: 'A name is needed.' },
        { field: 'tags[2]', code: 'invalid', message: 'Bad tag.' },
        { field: 'choices', code: 'too_long_to_prepare', message: 'Too long to prepare.' },
      ],
      [
        { option_id: 'o-bun', quantity: 1 },
        { option_id: 'o-bbq', quantity: 1 },
      ],
      (id) => groups[id],
    );
    expect(placed.groups).toEqual({
      'g-bun': ['Bun: choose at least 1.'],
      'g-sauce': ['Barbecue is not available.'],
    });
    expect(placed.fields).toEqual({ name: 'A name is needed.', tags: 'Bad tag.' });
    expect(placed.general).toEqual(['Too long to prepare.']);
  });

  it('says a choice it cannot find for the whole design', () => {
    const placed = placeDesignErrors(
      [{ field: 'choices[5]', code: 'unknown_option', message: 'Not in this template.' }],
      [],
      () => undefined,
    );
    expect(placed.general).toEqual(['Not in this template.']);
  });
});
