import type { TFunction } from 'i18next';
import type { OptionGroup } from '@/types/studio';

/** A group's rule in words: "Choose 1", "Choose up to 3", "Choose 1 to 2". */
export function groupRuleText(
  group: Pick<OptionGroup, 'min_choices' | 'max_choices'>,
  t: TFunction,
): string {
  const { min_choices: min, max_choices: max } = group;
  if (min >= max) return t('studio.rule.exactly', { count: max });
  if (min <= 0) return t('studio.rule.upTo', { count: max });
  return t('studio.rule.between', { min, max });
}
