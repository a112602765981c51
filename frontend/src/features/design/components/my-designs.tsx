import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { useMyDesigns } from '../api/get-my-designs';
import { coCreatorsPath, editDesignPath, publicDesignPath } from '../utils/paths';
import { isLive } from '../utils/status';
import { PromotionProgress } from './promotion-progress';
import { StatusBadge } from './status-badge';

/**
 * The signed-in creator's designs, newest first: drafts to edit, published ones to view with
 * their status and how far along they are on the way to the brand.
 */
export function MyDesigns() {
  const { t } = useTranslation();
  const format = useFormatters();
  const designs = useMyDesigns();

  return (
    <section aria-labelledby="my-designs-title" className="section">
      <h2 id="my-designs-title">{t('studioHome.myDesigns')}</h2>
      {designs.isPending ? (
        <LoadingState label={t('studioHome.loadingDesigns')} />
      ) : designs.isError ? (
        <Alert tone="error">{apiErrorMessage(designs.error, t)}</Alert>
      ) : designs.data.length === 0 ? (
        <p className="muted">{t('studioHome.noDesigns')}</p>
      ) : (
        <ul className="design-list" data-testid="my-designs">
          {designs.data.map((design) => {
            const name = design.name || t('studioHome.untitled');
            const view = publicDesignPath(design);
            return (
              <li key={design.id} className="design-row" data-testid="my-design">
                <div className="design-row-main">
                  <p className="design-row-name">{name}</p>
                  <p className="design-row-meta">
                    <StatusBadge status={design.status} />
                    <span>{format.text(design.template_name)}</span>
                    <span>{format.money(design.quote.price)}</span>
                    {design.split.co_creators.length > 0 ? (
                      <span>
                        {design.split.agreed
                          ? t('studioHome.splitAgreed', {
                              count: design.split.co_creators.length,
                            })
                          : t('studioHome.splitWaiting', {
                              count: design.split.co_creators.length,
                            })}
                      </span>
                    ) : null}
                  </p>
                  {design.promotion && isLive(design.status) ? (
                    <div className="design-row-promotion">
                      <PromotionProgress promotion={design.promotion} compact />
                    </div>
                  ) : null}
                </div>
                <div className="design-row-actions">
                  {design.status === 'draft' ? (
                    <Link
                      to={editDesignPath(design.id)}
                      className="button button-ghost"
                      aria-label={t('studioHome.editNamed', { name })}
                    >
                      {t('studioHome.edit')}
                    </Link>
                  ) : null}
                  {design.status !== 'withdrawn' ? (
                    <Link
                      to={coCreatorsPath(design.id)}
                      className="button button-ghost"
                      aria-label={t('studioHome.coCreatorsNamed', { name })}
                    >
                      {t('studioHome.coCreators')}
                    </Link>
                  ) : null}
                  {view ? (
                    <Link
                      to={view}
                      className="button button-ghost"
                      aria-label={t('studioHome.viewNamed', { name })}
                    >
                      {t('studioHome.view')}
                    </Link>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
