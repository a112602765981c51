import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/text-field';
import { useFormatters } from '@/hooks/use-formatters';
import { ALLERGENS, DIETARY_TAGS } from '@/lib/catalog';
import type { Allergen, DietaryTag, Localized } from '@/types/studio';
import { currencySymbol } from '../utils/amounts';
import {
  NUTRIENTS,
  emptyOption,
  groupPath,
  mapGroup,
  mapOption,
  optionPath,
  type GroupDraft,
  type Nutrient,
  type OptionDraft,
  type TemplateDraft,
} from '../utils/new-template';
import { ChoiceSet, FieldError, LocalizedFields, SvgField } from './draft-fields';

/** Change the draft as `recipe` says; `path` is the field edited (its error goes). */
export type DraftChange = (path: string, recipe: (draft: TemplateDraft) => TemplateDraft) => void;

interface GroupFieldsProps {
  draft: TemplateDraft;
  group: GroupDraft;
  groupIndex: number;
  errors: Record<string, string>;
  change: DraftChange;
  /** Add or remove a group or an option; `added` is the new one's key, to focus it. */
  restructure: (recipe: (draft: TemplateDraft) => TemplateDraft, added: string | null) => void;
  addedKey: string | null;
  currency: string;
}

/** One group of the new template: its name and rules, then its options. */
export function GroupFields({
  draft,
  group,
  groupIndex,
  errors,
  change,
  restructure,
  addedKey,
  currency,
}: GroupFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const at = groupPath(groupIndex);
  const number = groupIndex + 1;
  const optionsError = errors[`${at}.options`];

  const bind = (field: 'min_choices' | 'max_choices' | 'max_quantity') => ({
    name: `${at}.${field}`,
    value: group[field],
    error: errors[`${at}.${field}`],
    autoComplete: 'off',
    inputMode: 'numeric' as const,
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      change(`${at}.${field}`, (current) =>
        mapGroup(current, groupIndex, (g) => ({ ...g, [field]: value })),
      );
    },
  });

  return (
    <fieldset className="brand-draft-group" data-testid={`draft-group-${groupIndex}`}>
      <legend>{t('brand.new.group', { n: number })}</legend>
      <LocalizedFields
        path={`${at}.name`}
        label={t('brand.new.groupName')}
        value={group.name}
        error={errors[`${at}.name`]}
        maxLength={60}
        autoFocus={addedKey === group.key}
        onChange={(language: keyof Localized, text) => {
          change(`${at}.name`, (current) =>
            mapGroup(current, groupIndex, (g) => ({ ...g, name: { ...g.name, [language]: text } })),
          );
        }}
      />
      <div className="brand-form-grid">
        <TextField {...bind('min_choices')} label={t('brand.new.minChoices')} />
        <TextField {...bind('max_choices')} label={t('brand.new.maxChoices')} />
        <TextField
          {...bind('max_quantity')}
          label={t('brand.new.maxQuantity')}
          hint={t('brand.new.maxQuantityHint')}
        />
      </div>

      <div
        className="brand-draft-options"
        aria-describedby={optionsError ? `${id}-options` : undefined}
      >
        {group.options.map((option, oi) => (
          <OptionFields
            key={option.key}
            draft={draft}
            groupIndex={groupIndex}
            optionIndex={oi}
            option={option}
            optionCount={group.options.length}
            errors={errors}
            change={change}
            restructure={restructure}
            autoFocus={addedKey === option.key}
            currency={currency}
          />
        ))}
      </div>
      {optionsError ? (
        <FieldError id={`${id}-options`} path={`${at}.options`} message={optionsError} />
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-ghost"
          onClick={() => {
            const option = emptyOption(groupIndex);
            restructure(
              (current) =>
                mapGroup(current, groupIndex, (g) => ({ ...g, options: [...g.options, option] })),
              option.key,
            );
          }}
        >
          {t('brand.new.addOption', { group: number })}
        </button>
        {draft.groups.length > 1 ? (
          <button
            type="button"
            className="button button-ghost brand-danger-text"
            onClick={() => {
              restructure(
                (current) => ({
                  ...current,
                  groups: current.groups.filter((g) => g.key !== group.key),
                }),
                null,
              );
            }}
          >
            {t('brand.new.removeGroup', { n: number })}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

interface OptionFieldsProps {
  draft: TemplateDraft;
  groupIndex: number;
  optionIndex: number;
  option: OptionDraft;
  /** How many options the group has: the last one cannot be removed. */
  optionCount: number;
  errors: Record<string, string>;
  change: DraftChange;
  restructure: GroupFieldsProps['restructure'];
  autoFocus: boolean;
  currency: string;
}

const NUTRIENT_LABELS = {
  protein_mg: 'brand.new.protein',
  carbohydrate_mg: 'brand.new.carbohydrate',
  fat_mg: 'brand.new.fat',
  salt_mg: 'brand.new.salt',
} as const satisfies Record<Nutrient, string>;

/** One option: names, figures, nutrition, allergens and dietary labels, and its layer. */
function OptionFields({
  draft,
  groupIndex,
  optionIndex,
  option,
  optionCount,
  errors,
  change,
  restructure,
  autoFocus,
  currency,
}: OptionFieldsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const at = optionPath(groupIndex, optionIndex);
  const symbol = currencySymbol(currency, format.language);
  const legend = t('brand.new.option', { n: optionIndex + 1, group: groupIndex + 1 });
  const nutritionError = errors[`${at}.nutrition`];

  const edit = (path: string, patch: (option: OptionDraft) => OptionDraft) => {
    change(`${at}.${path}`, (current) => mapOption(current, groupIndex, optionIndex, patch));
  };
  const bind = (
    field: 'price_delta' | 'cost' | 'prep_seconds' | 'layer_z' | 'kcal',
    path: string = field,
  ) => ({
    name: `${at}.${path}`,
    value: option[field],
    error: errors[`${at}.${path}`],
    autoComplete: 'off',
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      edit(path, (o) => ({ ...o, [field]: value }));
    },
  });
  const bindGrams = (nutrient: Nutrient) => ({
    name: `${at}.nutrition.${nutrient}`,
    value: option.grams[nutrient],
    error: errors[`${at}.nutrition.${nutrient}`],
    autoComplete: 'off',
    inputMode: 'decimal' as const,
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      edit(`nutrition.${nutrient}`, (o) => ({ ...o, grams: { ...o.grams, [nutrient]: value } }));
    },
  });
  const optionName = option.name[format.language] || option.name.en || legend;

  return (
    <fieldset
      className="brand-draft-option"
      data-testid={`draft-option-${groupIndex}-${optionIndex}`}
    >
      <legend>{legend}</legend>
      <LocalizedFields
        path={`${at}.name`}
        label={t('brand.new.optionName')}
        value={option.name}
        error={errors[`${at}.name`]}
        maxLength={60}
        autoFocus={autoFocus}
        onChange={(language: keyof Localized, text) => {
          edit('name', (o) => ({ ...o, name: { ...o.name, [language]: text } }));
        }}
      />
      <div className="brand-form-grid">
        <TextField
          {...bind('price_delta')}
          label={t('brand.new.priceDelta', { currency: symbol })}
          hint={t('brand.new.priceDeltaHint')}
        />
        <TextField
          {...bind('cost')}
          label={t('brand.new.cost', { currency: symbol })}
          inputMode="decimal"
        />
        <TextField
          {...bind('prep_seconds')}
          label={t('brand.new.prepSeconds')}
          inputMode="numeric"
        />
        <div className="field">
          <label htmlFor={`${id}-availability`}>{t('brand.new.availability')}</label>
          <select
            id={`${id}-availability`}
            name={`${at}.availability`}
            className="select"
            value={option.availability}
            onChange={(event) => {
              const value = event.target.value === 'out_of_stock' ? 'out_of_stock' : 'active';
              edit('availability', (o) => ({ ...o, availability: value }));
            }}
          >
            <option value="active">{t('availability.active')}</option>
            <option value="out_of_stock">{t('availability.out_of_stock')}</option>
          </select>
        </div>
      </div>

      <fieldset
        className="brand-nutrition"
        aria-describedby={nutritionError ? `${id}-nutrition` : undefined}
        data-invalid={nutritionError ? 'true' : undefined}
      >
        <legend>{t('brand.new.nutrition')}</legend>
        <div className="brand-form-grid brand-form-grid-narrow">
          <TextField
            {...bind('kcal', 'nutrition.kcal')}
            label={t('brand.new.kcal')}
            inputMode="numeric"
          />
          {NUTRIENTS.map((nutrient) => (
            <TextField
              key={nutrient}
              {...bindGrams(nutrient)}
              label={t(NUTRIENT_LABELS[nutrient])}
            />
          ))}
        </div>
        {nutritionError ? (
          <FieldError id={`${id}-nutrition`} path={`${at}.nutrition`} message={nutritionError} />
        ) : null}
      </fieldset>

      <ChoiceSet<Allergen>
        path={`${at}.allergens`}
        legend={t('brand.new.allergens')}
        choices={ALLERGENS.map((value) => ({ value, label: t(`allergens.${value}`) }))}
        selected={option.allergens}
        error={errors[`${at}.allergens`]}
        onToggle={(value, checked) => {
          edit('allergens', (o) => ({
            ...o,
            allergens: checked
              ? ALLERGENS.filter((a) => a === value || o.allergens.includes(a))
              : o.allergens.filter((a) => a !== value),
          }));
        }}
      />
      <ChoiceSet<DietaryTag>
        path={`${at}.dietary`}
        legend={t('brand.new.dietary')}
        choices={DIETARY_TAGS.map((value) => ({ value, label: t(`dietary.${value}`) }))}
        selected={option.dietary}
        error={errors[`${at}.dietary`]}
        onToggle={(value, checked) => {
          edit('dietary', (o) => ({
            ...o,
            dietary: checked
              ? DIETARY_TAGS.filter((d) => d === value || o.dietary.includes(d))
              : o.dietary.filter((d) => d !== value),
          }));
        }}
      />

      <SvgField
        path={`${at}.layer_svg`}
        label={t('brand.new.layerSvg')}
        previewLabel={t('brand.new.previewOf', { name: optionName })}
        value={option.layer_svg}
        error={errors[`${at}.layer_svg`]}
        underlay={draft.base_layer_svg}
        onChange={(svg) => {
          edit('layer_svg', (o) => ({ ...o, layer_svg: svg }));
        }}
      />
      <div className="brand-form-grid">
        <TextField
          {...bind('layer_z')}
          label={t('brand.new.layerZ')}
          hint={t('brand.new.layerZHint')}
        />
      </div>

      {optionCount > 1 ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-ghost brand-danger-text"
            onClick={() => {
              restructure(
                (current) =>
                  mapGroup(current, groupIndex, (g) => ({
                    ...g,
                    options: g.options.filter((o) => o.key !== option.key),
                  })),
                null,
              );
            }}
          >
            {t('brand.new.removeOption', { n: optionIndex + 1, group: groupIndex + 1 })}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
