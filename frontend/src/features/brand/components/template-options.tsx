import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useFormatters } from '@/hooks/use-formatters';
import { AVAILABILITIES } from '@/lib/catalog';
import { apiErrorMessage } from '@/lib/errors';
import type { Availability, Money, OptionGroup } from '@/types/studio';
import { useBrandTemplate } from '../api/get-brand-template';
import { useUpdateOptionAvailability } from '../api/update-option-availability';
import type { BrandOption } from '../types';

/** Price minus cost, when both are in the same currency (they always are, per template). */
function margin(price: Money, cost: Money): Money | null {
  if (price.currency !== cost.currency) return null;
  return { amount_minor: price.amount_minor - cost.amount_minor, currency: price.currency };
}

/** One template's groups as tables: price, cost, margin, preparation and availability. */
export function TemplateOptions({ templateId }: { templateId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const template = useBrandTemplate(templateId);
  const update = useUpdateOptionAvailability(templateId);
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = useId();

  if (template.isPending) return <LoadingState label={t('brand.loadingTemplate')} />;
  if (template.isError) return <Alert tone="error">{apiErrorMessage(template.error, t)}</Alert>;
  const data = template.data;
  const baseMargin = margin(data.base_price, data.base_cost);

  const onAvailability = (option: BrandOption, availability: Availability) => {
    setFailure(null);
    update.mutate(
      { optionId: option.id, availability },
      {
        onError: (error) => {
          setFailure(
            t('brand.availabilityFailed', {
              name: format.text(option.name),
              reason: apiErrorMessage(error, t),
            }),
          );
        },
      },
    );
  };

  return (
    <section aria-labelledby={titleId} className="section" data-testid="brand-template">
      <h2 id={titleId}>{format.text(data.name)}</h2>
      <dl className="brand-base">
        <div>
          <dt>{t('brand.basePrice')}</dt>
          <dd>{format.money(data.base_price)}</dd>
        </div>
        <div>
          <dt>{t('brand.baseCost')}</dt>
          <dd>{format.money(data.base_cost)}</dd>
        </div>
        <div>
          <dt>{t('brand.margin')}</dt>
          <dd>{baseMargin ? format.money(baseMargin) : '—'}</dd>
        </div>
        <div>
          <dt>{t('brand.basePrep')}</dt>
          <dd>{format.duration(data.base_prep_seconds)}</dd>
        </div>
        {data.max_prep_seconds !== null ? (
          <div>
            <dt>{t('brand.maxPrep')}</dt>
            <dd>{format.duration(data.max_prep_seconds)}</dd>
          </div>
        ) : null}
      </dl>
      {failure ? (
        <Alert tone="error" testId="availability-error">
          {failure}
        </Alert>
      ) : null}
      {data.groups.map((group) => (
        <GroupTable key={group.id} group={group} onAvailability={onAvailability} />
      ))}
    </section>
  );
}

function GroupTable({
  group,
  onAvailability,
}: {
  group: OptionGroup<BrandOption>;
  onAvailability: (option: BrandOption, availability: Availability) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const baseId = useId();
  const columns = {
    price: t('brand.priceDelta'),
    cost: t('brand.cost'),
    margin: t('brand.margin'),
    prep: t('brand.prep'),
    availability: t('brand.availability'),
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
          </tr>
        </thead>
        <tbody>
          {group.options.map((option) => {
            const name = format.text(option.name);
            const optionMargin = margin(option.price_delta, option.cost);
            const selectId = `${baseId}-${option.id}`;
            return (
              <tr
                key={option.id}
                data-availability={option.availability}
                data-testid={`brand-option-${option.id}`}
              >
                <th scope="row">{name}</th>
                <td data-label={columns.price}>{format.moneyDelta(option.price_delta)}</td>
                <td data-label={columns.cost}>{format.money(option.cost)}</td>
                <td
                  data-label={columns.margin}
                  className={optionMargin && optionMargin.amount_minor < 0 ? 'negative' : undefined}
                >
                  {optionMargin ? format.moneyDelta(optionMargin) : '—'}
                </td>
                <td data-label={columns.prep}>{format.duration(option.prep_seconds)}</td>
                <td data-label={columns.availability}>
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
