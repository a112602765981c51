import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';

export function BrandConsolePage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.brand')} body={t('placeholder.brand')} testId="brand-page" />;
}
