import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { designRefPath } from '@/types/listings';
import { useAlerts } from '../api/get-alerts';

/** Designs rated by many new accounts in the last hour: maybe a ring, worth a look. */
export function BurstAlerts() {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = useId();
  const alerts = useAlerts();
  return (
    <section aria-labelledby={titleId} className="section" data-testid="alerts">
      <h2 id={titleId}>{t('moderation.alerts.title')}</h2>
      <p className="muted">{t('moderation.alerts.lead')}</p>
      {alerts.isPending ? (
        <LoadingState label={t('moderation.alerts.loading')} />
      ) : alerts.isError ? (
        <Alert tone="error">{apiErrorMessage(alerts.error, t)}</Alert>
      ) : alerts.data.length === 0 ? (
        <p data-testid="alerts-empty">{t('moderation.alerts.none')}</p>
      ) : (
        <ul className="notification-list" data-testid="alert-list">
          {alerts.data.map((alert) => {
            const path = designRefPath(alert);
            return (
              <li key={alert.design_id} className="notification" data-testid="alert">
                <span className="notification-link">
                  {path ? <Link to={path}>{alert.name}</Link> : alert.name}
                </span>
                <span className="notification-meta">
                  {t('moderation.alerts.item', {
                    count: alert.young_ratings,
                    n: format.integer(alert.young_ratings),
                    time: format.time(alert.since),
                  })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
