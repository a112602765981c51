import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';

export function DesignPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.design')} body={t('placeholder.design')} testId="design-page" />;
}
