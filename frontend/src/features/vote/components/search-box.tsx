import { useEffect, useEffectEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { SEARCH_MAX, SEARCH_MIN, searchTerm } from '../utils/filters';

/** How long typing must pause before the feed is searched. */
export const SEARCH_DEBOUNCE_MS = 350;

/**
 * Search by name: the feed follows once typing pauses. `value` is the search in the address;
 * when it changes from elsewhere (Clear filters, Back), the box follows it.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (searchTerm(text) !== value) setText(value);
  }
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const search = useEffectEvent((term: string) => {
    if (term !== value) onSearch(term);
  });
  useEffect(() => {
    search(searchTerm(settled));
  }, [settled]);

  return (
    <div className="field">
      <label htmlFor={id}>{t('vote.filters.search')}</label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={SEARCH_MAX}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('vote.filters.searchHint', { min: SEARCH_MIN })}
      </p>
    </div>
  );
}
