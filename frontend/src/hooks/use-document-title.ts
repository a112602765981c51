import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Name the browser tab after the page, so history and screen readers can tell pages apart. */
export function useDocumentTitle(page?: string): void {
  const { t } = useTranslation();
  const title = page ? t('app.pageTitle', { page }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
