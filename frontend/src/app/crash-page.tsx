import { useTranslation } from 'react-i18next';

/** Shown when rendering fails unexpectedly; reloading starts from a clean state. */
export function CrashPage() {
  const { t } = useTranslation();
  return (
    <section className="page page-narrow container" role="alert" data-testid="crash">
      <h1>{t('crash.title')}</h1>
      <p className="lead">{t('crash.body')}</p>
      <p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('crash.reload')}
        </button>
      </p>
    </section>
  );
}
