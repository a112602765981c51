import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';

export function EarningsPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon title={t('nav.earnings')} body={t('placeholder.earnings')} testId="earnings-page" />
  );
}
