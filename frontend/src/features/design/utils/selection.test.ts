import { describe, expect, it } from 'vitest';
import { burgerTemplate } from '../testing/fixtures';
import {
  choicesFromSelection,
  isGroupFull,
  pickOption,
  selectionFromChoices,
  setQuantity,
  unpickOption,
} from './selection';

const [buns, sauces] = burgerTemplate.groups as [
  (typeof burgerTemplate.groups)[number],
  (typeof burgerTemplate.groups)[number],
];

describe('choosing options', () => {
  it('replaces the choice in a group of one', () => {
    const first = pickOption({}, buns, 'o-brioche');
    expect(pickOption(first, buns, 'o-rye')).toEqual({ 'o-rye': 1 });
  });

  it('stops at the group’s maximum until one is let go', () => {
    let selection = pickOption({}, sauces, 'o-bbq');
    selection = pickOption(selection, sauces, 'o-mayo');
    expect(isGroupFull(selection, sauces)).toBe(true);
    expect(pickOption(selection, sauces, 'o-chili')).toBe(selection);
    selection = unpickOption(selection, 'o-bbq');
    expect(pickOption(selection, sauces, 'o-chili')).toEqual({ 'o-mayo': 1, 'o-chili': 1 });
  });

  it('keeps quantities between 1 and the group’s max_quantity', () => {
    const selection = pickOption({}, sauces, 'o-bbq');
    expect(setQuantity(selection, sauces, 'o-bbq', 3)).toEqual({ 'o-bbq': 3 });
    expect(setQuantity(selection, sauces, 'o-bbq', 9)).toEqual({ 'o-bbq': 3 });
    expect(setQuantity(selection, sauces, 'o-bbq', 0)).toEqual({ 'o-bbq': 1 });
    expect(setQuantity(selection, sauces, 'o-chili', 2)).toBe(selection);
  });

  it('sends choices in the template’s order and drops options it no longer lists', () => {
    const { selection, dropped } = selectionFromChoices(
      [
        { option_id: 'o-bbq', quantity: 2 },
        { option_id: 'o-gone', quantity: 1 },
        { option_id: 'o-brioche', quantity: 1 },
      ],
      burgerTemplate,
    );
    expect(dropped).toBe(1);
    expect(choicesFromSelection(selection, burgerTemplate)).toEqual([
      { option_id: 'o-brioche', quantity: 1 },
      { option_id: 'o-bbq', quantity: 2 },
    ]);
  });
});
