/** Where each of the server's complaints about a design belongs on the studio's screen. */
import type { ProblemFieldError } from '@/types/api';
import type { Choice } from '../types';
import type { DetailField } from './details';

export interface PlacedErrors {
  /** Beside the name, story or tags field. */
  fields: Partial<Record<DetailField, string>>;
  /** Beside a group of options, by group id. */
  groups: Record<string, string[]>;
  /** For the whole design. */
  general: string[];
}

export const NO_ERRORS: PlacedErrors = { fields: {}, groups: {}, general: [] };

const CHOICE_FIELD = /^choices\[(\d+)\]/;
const GROUP_FIELD = /^groups\.(.+)$/;

/**
 * `groups.<id>` goes beside that group; `choices[i]` beside the group of the i-th choice of
 * the request (`choices` is what was sent, in the order sent); `name`, `story`, `tags` and
 * `tags[i]` beside their field; anything else is said for the whole design.
 */
export function placeDesignErrors(
  errors: readonly ProblemFieldError[],
  choices: readonly Choice[],
  groupOfOption: (optionId: string) => string | undefined,
): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, groups: {}, general: [] };
  const addToGroup = (groupId: string, message: string) => {
    const list = (placed.groups[groupId] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const { field, message } of errors) {
    const group = GROUP_FIELD.exec(field)?.[1];
    const choiceIndex = CHOICE_FIELD.exec(field)?.[1];
    const detail = (['name', 'story', 'tags'] as const).find(
      (name) => field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`),
    );
    if (group) {
      addToGroup(group, message);
    } else if (choiceIndex !== undefined) {
      const optionId = choices[Number(choiceIndex)]?.option_id;
      const groupId = optionId ? groupOfOption(optionId) : undefined;
      if (groupId) addToGroup(groupId, message);
      else placed.general.push(message);
    } else if (detail) {
      placed.fields[detail] ??= message;
    } else {
      placed.general.push(message);
    }
  }
  return placed;
}
