import { useTranslation } from 'react-i18next';
import type { CoCreatorStatus, DesignStatus } from '../types';

export function StatusBadge({ status }: { status: DesignStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-testid="design-status">
      {t(`designStatus.${status}`)}
    </span>
  );
}

/** A co-creator's answer to their share, as the creator sees it. */
export function CoCreatorBadge({ status }: { status: CoCreatorStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-testid="co-creator-status">
      {t(`coCreators.status.${status}`)}
    </span>
  );
}
