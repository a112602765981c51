/**
 * What the creator has picked: option id -> portions. Pure functions, so the studio's rules
 * (one per radio group, nothing beyond a group's maximum, quantities within range) are tested
 * without rendering.
 */
import type { OptionGroup, Template } from '@/types/studio';
import type { Choice } from '../types';

export type Selection = Readonly<Record<string, number>>;

/**
 * A saved draft's choices as a selection. Options the template no longer lists (retired since)
 * are dropped and counted, so the studio can say so.
 */
export function selectionFromChoices(
  choices: readonly Choice[],
  template: Template,
): { selection: Selection; dropped: number } {
  const known = new Set(template.groups.flatMap((group) => group.options.map((o) => o.id)));
  const selection: Record<string, number> = {};
  let dropped = 0;
  for (const choice of choices) {
    if (known.has(choice.option_id)) selection[choice.option_id] = choice.quantity;
    else dropped += 1;
  }
  return { selection, dropped };
}

/** The selection as the API takes it, in the template's order (groups, then options). */
export function choicesFromSelection(selection: Selection, template: Template): Choice[] {
  return template.groups.flatMap((group) =>
    group.options.flatMap((option) => {
      const quantity = selection[option.id];
      return quantity ? [{ option_id: option.id, quantity }] : [];
    }),
  );
}

export function chosenCount(selection: Selection, group: OptionGroup): number {
  return group.options.filter((option) => selection[option.id]).length;
}

export function isGroupFull(selection: Selection, group: OptionGroup): boolean {
  return chosenCount(selection, group) >= group.max_choices;
}

/** Groups of at most one choice behave like radio buttons: picking replaces. */
export function isSingleChoice(group: OptionGroup): boolean {
  return group.max_choices === 1;
}

export function pickOption(selection: Selection, group: OptionGroup, optionId: string): Selection {
  if (selection[optionId]) return selection;
  if (isSingleChoice(group)) {
    return { ...clearGroup(selection, group), [optionId]: 1 };
  }
  if (isGroupFull(selection, group)) return selection;
  return { ...selection, [optionId]: 1 };
}

export function unpickOption(selection: Selection, optionId: string): Selection {
  if (!selection[optionId]) return selection;
  return Object.fromEntries(Object.entries(selection).filter(([id]) => id !== optionId));
}

export function clearGroup(selection: Selection, group: OptionGroup): Selection {
  const ids = new Set(group.options.map((option) => option.id));
  return Object.fromEntries(Object.entries(selection).filter(([id]) => !ids.has(id)));
}

export function setQuantity(
  selection: Selection,
  group: OptionGroup,
  optionId: string,
  quantity: number,
): Selection {
  if (!selection[optionId]) return selection;
  const clamped = Math.min(Math.max(1, Math.round(quantity)), Math.max(1, group.max_quantity));
  return { ...selection, [optionId]: clamped };
}
