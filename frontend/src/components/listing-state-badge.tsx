import { useTranslation } from 'react-i18next';
import type { ListingState } from '@/types/listings';

/** A listing's state as a small coloured label: "On the menu", "Paused", ... */
export function ListingStateBadge({ state }: { state: ListingState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-listing-${state}`} data-testid="listing-state">
      {t(`listingState.${state}`)}
    </span>
  );
}
