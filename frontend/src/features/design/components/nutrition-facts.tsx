import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { allergenLabels, dietaryLabel } from '@/lib/catalog';
import type { Nutrition } from '@/types/studio';

/** Energy and nutrients per portion, grams with one decimal. */
export function NutritionFacts({ nutrition }: { nutrition: Nutrition }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rows = [
    {
      key: 'energy',
      label: t('nutrition.energy'),
      value: t('nutrition.kcal', { value: format.integer(nutrition.kcal) }),
    },
    { key: 'protein', label: t('nutrition.protein'), value: format.grams(nutrition.protein_mg) },
    {
      key: 'carbohydrate',
      label: t('nutrition.carbohydrate'),
      value: format.grams(nutrition.carbohydrate_mg),
    },
    { key: 'fat', label: t('nutrition.fat'), value: format.grams(nutrition.fat_mg) },
    { key: 'salt', label: t('nutrition.salt'), value: format.grams(nutrition.salt_mg) },
  ];
  return (
    <dl className="nutrition" data-testid="nutrition">
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Contains: Gluten, Milk", or that nothing is declared. */
export function AllergenSummary({ allergens }: { allergens: readonly string[] }) {
  const { t } = useTranslation();
  const labels = allergenLabels(allergens, t);
  return (
    <p className="allergens" data-testid="allergens">
      {labels.length > 0 ? (
        <>
          <strong>{t('allergens.contains')}</strong> {labels.join(', ')}
        </>
      ) : (
        t('allergens.none')
      )}
    </p>
  );
}

export function DietaryTags({ tags }: { tags: readonly string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return <p className="muted">{t('dietary.none')}</p>;
  return (
    <ul className="tags" data-testid="dietary">
      {tags.map((tag) => (
        <li key={tag} className="tag tag-diet">
          {dietaryLabel(tag, t)}
        </li>
      ))}
    </ul>
  );
}
