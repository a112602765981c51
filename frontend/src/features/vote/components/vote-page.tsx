import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';

export function VotePage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.vote')} body={t('placeholder.vote')} testId="vote-page" />;
}
