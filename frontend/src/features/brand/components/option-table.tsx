import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { AVAILABILITIES } from '@/lib/catalog';
import { apiErrorMessage } from '@/lib/errors';
import type { Availability, OptionGroup } from '@/types/studio';
import { useUpdateOptionFigures } from '../api/update-option';
import type { BrandOption, OptionChange } from '../types';
import {
  currencySymbol,
  moneyInputValue,
  parseMoney,
  parseWhole,
  type ParsedAmount,
} from '../utils/amounts';
import { amountMessage, changeErrors, type AmountKind } from '../utils/field-errors';
import { margin } from '../utils/margin';

const FIGURES = ['price_delta', 'cost', 'prep_seconds'] as const;
type Figure = (typeof FIGURES)[number];
type Figures = Record<Figure, string>;

interface GroupTableProps {
  templateId: string;
  group: OptionGroup<BrandOption>;
  canEdit: boolean;
  onAvailability: (option: BrandOption, availability: Availability) => void;
  /** A change to an option failed for a reason no field can carry. */
  onFailure: (message: string | null) => void;
}

/** One group as a table: price, cost, margin, preparation and availability of each option. */
export function GroupTable({
  templateId,
  group,
  canEdit,
  onAvailability,
  onFailure,
}: GroupTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns = {
    price: t('brand.priceDelta'),
    cost: t('brand.cost'),
    margin: t('brand.margin'),
    prep: t('brand.prep'),
    availability: t('brand.availability'),
    actions: t('brand.actions'),
  };

  return (
    <div className="brand-group">
      <table className="brand-table" data-testid={`brand-group-${group.id}`}>
        <caption>
          <span className="brand-group-name">{format.text(group.name)}</span>{' '}
          <span className="muted">
            {t('brand.groupRule', {
              min: group.min_choices,
              max: group.max_choices,
              quantity: group.max_quantity,
            })}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('brand.option')}</th>
            <th scope="col">{columns.price}</th>
            <th scope="col">{columns.cost}</th>
            <th scope="col">{columns.margin}</th>
            <th scope="col">{columns.prep}</th>
            <th scope="col">{columns.availability}</th>
            {canEdit ? <th scope="col">{columns.actions}</th> : null}
          </tr>
        </thead>
        <tbody>
          {group.options.map((option) => (
            <OptionRow
              key={option.id}
              templateId={templateId}
              option={option}
              canEdit={canEdit}
              columns={columns}
              onAvailability={onAvailability}
              onFailure={onFailure}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface OptionRowProps {
  templateId: string;
  option: BrandOption;
  canEdit: boolean;
  columns: Record<'price' | 'cost' | 'margin' | 'prep' | 'availability' | 'actions', string>;
  onAvailability: GroupTableProps['onAvailability'];
  onFailure: GroupTableProps['onFailure'];
}

/**
 * An option's figures; "Edit" turns price, cost and preparation into fields (Enter saves,
 * Escape cancels) and the margin follows what is typed.
 */
function OptionRow({
  templateId,
  option,
  canEdit,
  columns,
  onAvailability,
  onFailure,
}: OptionRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const update = useUpdateOptionFigures(templateId);
  const [draft, setDraft] = useState<Figures | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Figure, string>>>({});
  const returnFocus = useRef(false);
  const name = format.text(option.name);
  const currency = option.price_delta.currency;
  const symbol = currencySymbol(currency, format.language);

  const startEditing = () => {
    onFailure(null);
    setErrors({});
    setDraft({
      price_delta: moneyInputValue(option.price_delta, format.language),
      cost: moneyInputValue(option.cost, format.language),
      prep_seconds: String(option.prep_seconds),
    });
  };
  const stopEditing = () => {
    returnFocus.current = true;
    setDraft(null);
    setErrors({});
  };

  const parse = (figures: Figures): Record<Figure, ParsedAmount> => ({
    price_delta: parseMoney(figures.price_delta, currency, { allowNegative: true }),
    cost: parseMoney(figures.cost, currency),
    prep_seconds: parseWhole(figures.prep_seconds),
  });
  const kinds: Record<Figure, AmountKind> = {
    price_delta: 'money',
    cost: 'money',
    prep_seconds: 'seconds',
  };

  const save = () => {
    if (!draft || update.isPending) return;
    onFailure(null);
    const parsed = parse(draft);
    const found: Partial<Record<Figure, string>> = {};
    const change: OptionChange = {};
    for (const figure of FIGURES) {
      const result = parsed[figure];
      if (!result.ok)
        found[figure] = amountMessage(result.problem, kinds[figure], t, format.language);
    }
    setErrors(found);
    const firstInvalid = FIGURES.find((figure) => found[figure] !== undefined);
    if (firstInvalid) {
      document.getElementById(`${id}-${firstInvalid}`)?.focus();
      return;
    }
    if (parsed.price_delta.ok && parsed.price_delta.value !== option.price_delta.amount_minor) {
      change.price_delta = parsed.price_delta.value;
    }
    if (parsed.cost.ok && parsed.cost.value !== option.cost.amount_minor) {
      change.cost = parsed.cost.value;
    }
    if (parsed.prep_seconds.ok && parsed.prep_seconds.value !== option.prep_seconds) {
      change.prep_seconds = parsed.prep_seconds.value;
    }
    if (Object.keys(change).length === 0) {
      stopEditing();
      return;
    }
    update.mutate(
      { optionId: option.id, change },
      {
        onSuccess: stopEditing,
        onError: (error) => {
          const placed = changeErrors(error, FIGURES, t, (e) => apiErrorMessage(e, t));
          setErrors(placed.fields);
          if (placed.general) {
            onFailure(t('brand.saveFailed', { name, reason: placed.general }));
          }
          const first = FIGURES.find((figure) => placed.fields[figure] !== undefined);
          if (first) document.getElementById(`${id}-${first}`)?.focus();
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      stopEditing();
    }
  };

  const editing = draft !== null;
  let shownMargin = margin(option.price_delta, option.cost);
  if (draft) {
    const parsed = parse(draft);
    shownMargin =
      parsed.price_delta.ok && parsed.cost.ok
        ? { amount_minor: parsed.price_delta.value - parsed.cost.value, currency }
        : null;
  }
  const marginText = shownMargin ? format.moneyDelta(shownMargin) : '—';

  const field = (figure: Figure, label: string, autoFocus = false) => {
    if (!draft) return null;
    const inputId = `${id}-${figure}`;
    const error = errors[figure];
    return (
      <div className="field brand-cell-field" data-invalid={error ? 'true' : undefined}>
        <label htmlFor={inputId} className="visually-hidden">
          {label}
        </label>
        <input
          id={inputId}
          name={figure}
          type="text"
          // A price difference may be negative: phones' decimal keypads have no minus.
          inputMode={
            figure === 'prep_seconds' ? 'numeric' : figure === 'cost' ? 'decimal' : undefined
          }
          autoComplete="off"
          // The field the user asked to edit.
          autoFocus={autoFocus}
          value={draft[figure]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            const value = event.target.value;
            setDraft((current) => (current ? { ...current, [figure]: value } : current));
            setErrors((current) => ({ ...current, [figure]: undefined }));
          }}
        />
        {error ? (
          <p id={`${inputId}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  const selectId = `${id}-availability`;
  return (
    <tr
      data-availability={option.availability}
      data-editing={editing ? 'true' : undefined}
      data-testid={`brand-option-${option.id}`}
    >
      <th scope="row">{name}</th>
      <td data-label={columns.price}>
        {editing
          ? field('price_delta', t('brand.priceOf', { name, currency: symbol }), true)
          : format.moneyDelta(option.price_delta)}
      </td>
      <td data-label={columns.cost}>
        {editing
          ? field('cost', t('brand.costOf', { name, currency: symbol }))
          : format.money(option.cost)}
      </td>
      <td
        data-label={columns.margin}
        className={shownMargin && shownMargin.amount_minor < 0 ? 'negative' : undefined}
      >
        {editing ? (
          <output aria-label={t('brand.marginOf', { name })}>{marginText}</output>
        ) : (
          marginText
        )}
      </td>
      <td data-label={columns.prep}>
        {editing
          ? field('prep_seconds', t('brand.prepOf', { name }))
          : format.duration(option.prep_seconds)}
      </td>
      <td data-label={columns.availability}>
        {canEdit ? (
          <>
            <label htmlFor={selectId} className="visually-hidden">
              {t('brand.availabilityOf', { name })}
            </label>
            <select
              id={selectId}
              className="select"
              value={option.availability}
              onChange={(event) => {
                onAvailability(option, event.target.value as Availability);
              }}
            >
              {AVAILABILITIES.map((availability) => (
                <option key={availability} value={availability}>
                  {t(`availability.${availability}`)}
                </option>
              ))}
            </select>
          </>
        ) : (
          t(`availability.${option.availability}`)
        )}
      </td>
      {canEdit ? (
        <td data-label={columns.actions}>
          {editing ? (
            <div className="brand-row-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={update.isPending}
                aria-label={t('brand.saveNamed', { name })}
                onClick={save}
              >
                {update.isPending ? t('brand.saving') : t('brand.save')}
              </button>
              <button
                type="button"
                className="button button-ghost"
                aria-label={t('brand.cancelNamed', { name })}
                onClick={stopEditing}
              >
                {t('brand.cancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button button-ghost"
              ref={(node) => {
                if (node && returnFocus.current) {
                  returnFocus.current = false;
                  node.focus();
                }
              }}
              aria-label={t('brand.editNamed', { name })}
              onClick={startEditing}
            >
              {t('brand.edit')}
            </button>
          )}
        </td>
      ) : null}
    </tr>
  );
}
