import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { ALLERGENS, DIETARY_TAGS, allergenLabel, dietaryLabel } from '@/lib/catalog';
import { useTemplates } from '@/lib/templates-api';
import { useTemplate } from '../api/get-template';
import { NO_FILTERS, activeFilterCount, type FeedFilters } from '../utils/filters';
import { SearchBox } from './search-box';

interface FeedFilterPanelProps {
  filters: FeedFilters;
  onChange: (next: FeedFilters, options?: { replace?: boolean }) => void;
}

/** Pick from `all` in its own order: `list` with `value` added or taken out. */
function toggled<T>(all: readonly T[], list: readonly T[], value: T, on: boolean): T[] {
  return all.filter((item) => (item === value ? on : list.includes(item)));
}

/**
 * Search, template, "contains", "free of" and dietary filters. On a phone they fold behind a
 * Filters button (the stylesheet shows them open on wider screens).
 */
export function FeedFilterPanel({ filters, onChange }: FeedFilterPanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const templates = useTemplates();
  const template = useTemplate(filters.template);
  const count = activeFilterCount(filters);

  return (
    <div className="feed-filters" data-open={open}>
      <button
        type="button"
        className="button button-ghost filters-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        {count > 0 ? t('vote.filters.toggleCount', { count }) : t('vote.filters.toggle')}
      </button>
      <div
        id={panelId}
        className="filters-panel"
        role="search"
        aria-label={t('vote.filters.label')}
        data-testid="feed-filters"
      >
        <SearchBox
          value={filters.q}
          onSearch={(q) => {
            onChange({ ...filters, q }, { replace: true });
          }}
        />
        <div className="field">
          <label htmlFor={`${panelId}-template`}>{t('vote.filters.template')}</label>
          <select
            id={`${panelId}-template`}
            className="select"
            value={filters.template ?? ''}
            onChange={(event) => {
              onChange({ ...filters, template: event.target.value || null, option: null });
            }}
          >
            <option value="">{t('vote.filters.anyTemplate')}</option>
            {templates.data?.map((item) => (
              <option key={item.id} value={item.id}>
                {format.text(item.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${panelId}-option`}>{t('vote.filters.option')}</label>
          <select
            id={`${panelId}-option`}
            className="select"
            value={filters.option ?? ''}
            disabled={!template.data}
            aria-describedby={filters.template ? undefined : `${panelId}-option-hint`}
            onChange={(event) => {
              onChange({ ...filters, option: event.target.value || null });
            }}
          >
            <option value="">{t('vote.filters.anyOption')}</option>
            {template.data?.groups.map((group) => (
              <optgroup key={group.id} label={format.text(group.name)}>
                {group.options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {format.text(option.name)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {filters.template ? null : (
            <p id={`${panelId}-option-hint`} className="field-hint">
              {t('vote.filters.optionHint')}
            </p>
          )}
        </div>
        <fieldset className="filter-group">
          <legend>{t('vote.filters.freeOf')}</legend>
          <div className="filter-choices">
            {ALLERGENS.map((allergen) => (
              <label key={allergen} className="checkbox">
                <input
                  type="checkbox"
                  checked={filters.freeOf.includes(allergen)}
                  onChange={(event) => {
                    const freeOf = toggled(
                      ALLERGENS,
                      filters.freeOf,
                      allergen,
                      event.target.checked,
                    );
                    onChange({ ...filters, freeOf });
                  }}
                />{' '}
                {allergenLabel(allergen, t)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="filter-group">
          <legend>{t('vote.filters.dietary')}</legend>
          <div className="filter-choices">
            {DIETARY_TAGS.map((tag) => (
              <label key={tag} className="checkbox">
                <input
                  type="checkbox"
                  checked={filters.dietary.includes(tag)}
                  onChange={(event) => {
                    const dietary = toggled(
                      DIETARY_TAGS,
                      filters.dietary,
                      tag,
                      event.target.checked,
                    );
                    onChange({ ...filters, dietary });
                  }}
                />{' '}
                {dietaryLabel(tag, t)}
              </label>
            ))}
          </div>
        </fieldset>
        {count > 0 ? (
          <p>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                onChange(NO_FILTERS);
              }}
            >
              {t('vote.filters.clear')}
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}
