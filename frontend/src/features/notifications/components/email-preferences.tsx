import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { apiErrorMessage } from '@/lib/errors';
import { usePreferences } from '../api/get-preferences';
import { useUpdatePreferences } from '../api/update-preferences';
import { NOTIFICATION_KINDS } from '../types';

/** Which notifications are also sent by email: each box saves as it is ticked. */
export function EmailPreferences() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const update = useUpdatePreferences();

  return (
    <section aria-labelledby="email-preferences-title" className="card section">
      <h2 id="email-preferences-title">{t('notifications.email.title')}</h2>
      {preferences.isPending ? (
        <LoadingState label={t('notifications.email.loading')} />
      ) : preferences.isError ? (
        <Alert tone="error">{apiErrorMessage(preferences.error, t)}</Alert>
      ) : (
        <fieldset className="filter-group" data-testid="email-preferences">
          <legend>{t('notifications.email.lead')}</legend>
          <div className="filter-choices filter-choices-column">
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="checkbox"
                  checked={preferences.data.email[kind]}
                  onChange={(event) => {
                    update.mutate({
                      email: { ...preferences.data.email, [kind]: event.target.checked },
                    });
                  }}
                />{' '}
                {t(`notifications.email.kinds.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {update.isError ? (
        <Alert tone="error">{apiErrorMessage(update.error, t)}</Alert>
      ) : (
        <p className="visually-hidden" role="status">
          {update.isSuccess ? t('notifications.email.saved') : ''}
        </p>
      )}
    </section>
  );
}
