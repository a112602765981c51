import { useTranslation } from 'react-i18next';
import type { DesignStatus } from '../types';

export function StatusBadge({ status }: { status: DesignStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-testid="design-status">
      {t(`designStatus.${status}`)}
    </span>
  );
}
