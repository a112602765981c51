/** The words of a design (name, story, tags) and the rules the server applies to them. */

export const NAME_MAX = 80;
export const STORY_MAX = 2000;
export const TAGS_MAX = 5;
export const TAG_MAX = 24;

/** Lowercase letters, digits and hyphens. */
const TAG_PATTERN = /^[\p{Ll}\p{Nd}-]+$/u;

/** Unicode scalar values, as the server counts them, not UTF-16 units. */
export const textLength = (value: string) => Array.from(value).length;

/** "Spicy, BBQ  lovers" -> ["spicy", "bbq", "lovers"]: commas or spaces separate, no repeats. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[\s,]+/u)
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

export type DetailField = 'name' | 'story' | 'tags';

export type DetailProblem =
  | { key: 'studio.validation.nameRequired' }
  | { key: 'studio.validation.nameTooLong'; max: number }
  | { key: 'studio.validation.storyTooLong'; max: number }
  | { key: 'studio.validation.tooManyTags'; max: number }
  | { key: 'studio.validation.badTag'; tag: string; max: number };

/** What the server would refuse, checked before asking it. A draft may be nameless. */
export function checkDetails(
  values: { name: string; story: string; tags: readonly string[] },
  { publishing }: { publishing: boolean },
): Partial<Record<DetailField, DetailProblem>> {
  const problems: Partial<Record<DetailField, DetailProblem>> = {};
  const name = values.name.trim();
  if (publishing && !name) problems.name = { key: 'studio.validation.nameRequired' };
  else if (textLength(name) > NAME_MAX) {
    problems.name = { key: 'studio.validation.nameTooLong', max: NAME_MAX };
  }
  if (textLength(values.story) > STORY_MAX) {
    problems.story = { key: 'studio.validation.storyTooLong', max: STORY_MAX };
  }
  if (values.tags.length > TAGS_MAX) {
    problems.tags = { key: 'studio.validation.tooManyTags', max: TAGS_MAX };
  } else {
    const bad = values.tags.find((tag) => textLength(tag) > TAG_MAX || !TAG_PATTERN.test(tag));
    if (bad !== undefined)
      problems.tags = { key: 'studio.validation.badTag', tag: bad, max: TAG_MAX };
  }
  return problems;
}
