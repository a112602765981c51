import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { useFormatters } from '@/hooks/use-formatters';
import type { Quote } from '../types';
import { DesignPicture } from './design-picture';
import { AllergenSummary, DietaryTags, NutritionFacts } from './nutrition-facts';

interface QuotePanelProps {
  /** Painting order, base first; drawn at once from the selection, not from the quote. */
  picture: readonly string[];
  pictureLabel: string;
  quote: Quote | undefined;
  /** A newer selection is being priced; `quote` is the previous one until it answers. */
  updating: boolean;
  /** Why the selection could not be priced at all. */
  problem: string | null;
  onGoToGroup: (groupId: string) => void;
  /** Save and publish, right under what is left to do (and above the details). */
  actions: ReactNode;
}

/** The studio's live summary: picture, price, what is left to do, allergens, nutrition. */
export function QuotePanel({
  picture,
  pictureLabel,
  quote,
  updating,
  problem,
  onGoToGroup,
  actions,
}: QuotePanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();

  return (
    <aside
      id="studio-summary"
      className="studio-panel card"
      aria-labelledby="studio-summary-title"
      aria-busy={updating}
      tabIndex={-1}
      data-testid="quote-panel"
    >
      <h2 id="studio-summary-title" className="visually-hidden">
        {t('studio.summary')}
      </h2>
      <DesignPicture layers={picture} label={pictureLabel} />

      {/* Announced when it settles: the price and whether the design can be published. */}
      <div className="panel-price" aria-live="polite" aria-atomic="true">
        <p className="panel-price-label">{t('studio.price')}</p>
        <p className="panel-price-value" data-testid="quote-price">
          {quote ? format.money(quote.price) : '—'}
        </p>
        {quote ? (
          <p className={quote.ready_to_publish ? 'ready' : 'not-ready'} data-testid="quote-ready">
            {quote.ready_to_publish
              ? t('studio.ready')
              : t('studio.stillToDo', { count: quote.unfinished.length })}
          </p>
        ) : null}
      </div>
      {updating ? (
        <p className="panel-updating" aria-hidden="true">
          {t('studio.updating')}
        </p>
      ) : null}

      {problem ? <Alert tone="error">{problem}</Alert> : null}

      {quote && quote.unfinished.length > 0 ? (
        <ul className="unfinished" data-testid="unfinished">
          {quote.unfinished.map((item) => {
            const groupId = /^groups\.(.+)$/.exec(item.field)?.[1];
            return (
              <li key={`${item.field}-${item.code}`}>
                {groupId ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onGoToGroup(groupId);
                    }}
                  >
                    {item.message}
                  </button>
                ) : (
                  item.message
                )}
              </li>
            );
          })}
        </ul>
      ) : null}

      {actions}

      {quote ? (
        <>
          <h3 className="panel-heading">{t('studio.allergens')}</h3>
          <div data-testid="quote-allergens">
            <AllergenSummary allergens={quote.allergens} />
          </div>
          <h3 className="panel-heading">{t('studio.dietary')}</h3>
          <DietaryTags tags={quote.dietary} />
          <h3 className="panel-heading">{t('studio.nutrition')}</h3>
          <NutritionFacts nutrition={quote.nutrition} />
        </>
      ) : null}
    </aside>
  );
}
