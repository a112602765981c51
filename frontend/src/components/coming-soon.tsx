import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** The placeholder every area shows until its feature lands. */
export function ComingSoon({
  title,
  body,
  testId,
}: {
  title: string;
  body: string;
  testId: string;
}) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <section className="page page-narrow" data-testid={testId}>
      <p className="eyebrow">{t('placeholder.comingSoon')}</p>
      <h1>{title}</h1>
      <p className="lead">{body}</p>
    </section>
  );
}
