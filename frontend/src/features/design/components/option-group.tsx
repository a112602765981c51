import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { allergenLabels } from '@/lib/catalog';
import type { OptionGroup as Group, TemplateOption } from '@/types/studio';
import { svgDataUrl } from '../utils/picture';
import { groupRuleText } from '../utils/rules';
import {
  clearGroup,
  isGroupFull,
  isSingleChoice,
  pickOption,
  setQuantity,
  unpickOption,
  type Selection,
} from '../utils/selection';

interface OptionGroupProps {
  group: Group;
  selection: Selection;
  /** The server's words about this group (or one of its choices). */
  errors: readonly string[];
  onChange: (change: (selection: Selection) => Selection) => void;
}

/**
 * One group of the template: its rule in words and its options as cards. A group of one
 * choice is a set of radio buttons (with "None" when it is optional); others are checkboxes,
 * and once the group is full the options not chosen are disabled.
 */
export function OptionGroup({ group, selection, errors, onChange }: OptionGroupProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const ruleId = `${id}-rule`;
  const errorId = `${id}-error`;
  const single = isSingleChoice(group);
  const full = !single && isGroupFull(selection, group);
  const chosenNothing = group.options.every((option) => !selection[option.id]);
  const describedBy = [ruleId, errors.length > 0 ? errorId : null].filter(Boolean).join(' ');

  return (
    <fieldset
      id={`group-${group.id}`}
      className="option-group"
      aria-describedby={describedBy}
      data-invalid={errors.length > 0 ? 'true' : undefined}
      data-testid={`group-${group.id}`}
    >
      <legend>{format.text(group.name)}</legend>
      <p id={ruleId} className="group-rule">
        {groupRuleText(group, t)}
        {full && group.max_choices > 1 ? <> · {t('studio.groupFull')}</> : null}
      </p>
      {errors.length > 0 ? (
        <div id={errorId} className="field-error" data-testid={`group-error-${group.id}`}>
          {errors.join(' ')}
        </div>
      ) : null}
      <ul className="option-grid">
        {single && group.min_choices === 0 ? (
          <li className="option-card option-card-none" data-selected={chosenNothing}>
            <label className="option-label">
              <input
                type="radio"
                name={`group-${group.id}`}
                checked={chosenNothing}
                onChange={() => {
                  onChange((current) => clearGroup(current, group));
                }}
              />
              <span className="option-text">
                <span className="option-name">{t('studio.none')}</span>
              </span>
            </label>
          </li>
        ) : null}
        {group.options.map((option) => (
          <OptionCard
            key={option.id}
            group={group}
            option={option}
            quantity={selection[option.id] ?? 0}
            single={single}
            groupFull={full}
            onChange={onChange}
          />
        ))}
      </ul>
    </fieldset>
  );
}

interface OptionCardProps {
  group: Group;
  option: TemplateOption;
  quantity: number;
  single: boolean;
  groupFull: boolean;
  onChange: OptionGroupProps['onChange'];
}

function OptionCard({ group, option, quantity, single, groupFull, onChange }: OptionCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const hintId = useId();
  const selected = quantity > 0;
  const outOfStock = option.availability !== 'active';
  // A chosen option stays enabled so it can be let go, even if it ran out since.
  const disabled = !selected && (outOfStock || groupFull);
  const name = format.text(option.name);
  const allergens = allergenLabels(option.allergens, t);
  const price =
    option.price_delta.amount_minor === 0
      ? t('studio.included')
      : format.moneyDelta(option.price_delta);

  return (
    <li
      className="option-card"
      data-selected={selected}
      data-disabled={disabled}
      data-testid={`option-${option.id}`}
    >
      <label className="option-label">
        <input
          type={single ? 'radio' : 'checkbox'}
          name={single ? `group-${group.id}` : `option-${option.id}`}
          value={option.id}
          checked={selected}
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(event) => {
            const pick = event.target.checked;
            onChange((current) =>
              pick ? pickOption(current, group, option.id) : unpickOption(current, option.id),
            );
          }}
        />
        <img className="option-thumb" src={svgDataUrl(option.layer_svg)} alt="" />
        <span className="option-text">
          <span className="option-name">{name}</span>
          <span className="option-price">{price}</span>
        </span>
      </label>
      <p id={hintId} className="option-hints">
        {outOfStock ? <span className="badge badge-muted">{t('studio.outOfStock')}</span> : null}
        {allergens.length > 0 ? (
          <span>{t('studio.containsShort', { list: allergens.join(', ') })}</span>
        ) : null}
      </p>
      {selected && group.max_quantity > 1 ? (
        <QuantityStepper
          name={name}
          quantity={quantity}
          max={group.max_quantity}
          locked={outOfStock}
          onQuantity={(next) => {
            onChange((current) => setQuantity(current, group, option.id, next));
          }}
        />
      ) : null}
    </li>
  );
}

function QuantityStepper({
  name,
  quantity,
  max,
  locked,
  onQuantity,
}: {
  name: string;
  quantity: number;
  max: number;
  locked: boolean;
  onQuantity: (quantity: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="stepper" role="group" aria-label={t('studio.quantityOf', { name })}>
      <button
        type="button"
        className="stepper-button"
        aria-label={t('studio.fewer', { name })}
        disabled={quantity <= 1}
        onClick={() => {
          onQuantity(quantity - 1);
        }}
      >
        <span aria-hidden="true">−</span>
      </button>
      <output className="stepper-value" data-testid="quantity">
        {quantity}
      </output>
      <button
        type="button"
        className="stepper-button"
        aria-label={t('studio.more', { name })}
        disabled={locked || quantity >= max}
        onClick={() => {
          onQuantity(quantity + 1);
        }}
      >
        <span aria-hidden="true">+</span>
      </button>
    </div>
  );
}
