import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { useSession } from '@/lib/auth';
import { apiErrorMessage } from '@/lib/errors';
import { useDesign } from '../api/get-design';
import type { Design } from '../types';
import { editDesignPath, publicDesignPath } from '../utils/paths';
import { CoCreatorsEditor } from './co-creators-editor';
import { CoCreatorBadge } from './status-badge';

/**
 * /design/:id/co-creators: the creator's split of one design, drafts and published designs
 * alike (a published design's studio is frozen, its split is not). A withdrawn design's split
 * is shown as it stays.
 */
export function CoCreatorsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const session = useSession();
  const design = useDesign(id);
  const name = design.data ? design.data.name || t('studioHome.untitled') : '';
  useDocumentTitle(name ? t('coCreators.pageTitle', { name }) : t('coCreators.title'));

  if (design.isPending) return <LoadingState label={t('coCreators.loading')} />;
  if (design.isError && !design.data) {
    const missing = design.error instanceof ApiError && design.error.status === 404;
    return (
      <section className="page page-narrow" data-testid="co-creators-unavailable">
        <h1>{missing ? t('studio.notFound') : t('studio.unavailable')}</h1>
        {missing ? null : <Alert tone="error">{apiErrorMessage(design.error, t)}</Alert>}
        <p>
          <Link to="/design" className="button button-primary">
            {t('studio.backToStudio')}
          </Link>
        </p>
      </section>
    );
  }
  const data = design.data;
  const view = publicDesignPath(data);
  const isCreator = session.session?.account.id === data.creator.id;

  return (
    <div className="page page-narrow" data-testid="co-creators-page">
      <header className="page-header">
        <p className="eyebrow">{t('coCreators.title')}</p>
        <h1>{name}</h1>
        <p className="button-row">
          {data.status === 'draft' && isCreator ? (
            <Link to={editDesignPath(data.id)} className="button button-ghost">
              {t('coCreators.backToDraft')}
            </Link>
          ) : null}
          {view ? (
            <Link to={view} className="button button-ghost">
              {t('studio.viewPublished')}
            </Link>
          ) : null}
          <Link to="/design" className="button button-ghost">
            {t('studio.backToStudio')}
          </Link>
        </p>
      </header>
      {!isCreator ? (
        <Alert tone="info" testId="not-creator">
          {t('coCreators.notCreator', { name: data.creator.display_name })}
        </Alert>
      ) : data.status === 'withdrawn' ? (
        <FrozenSplit design={data} />
      ) : (
        <CoCreatorsEditor design={data} />
      )}
    </div>
  );
}

/** A withdrawn design's split: it can no longer change. */
function FrozenSplit({ design }: { design: Design }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card co-creators" aria-labelledby="co-creators-title">
      <h2 id="co-creators-title">{t('coCreators.title')}</h2>
      <Alert tone="info">{t('coCreators.withdrawn')}</Alert>
      <ul className="split-frozen">
        <li>{t('coCreators.youKeep', { share: format.share(design.split.creator_share_bps) })}</li>
        {design.split.co_creators.map((co) => (
          <li key={co.account_id}>
            {co.display_name} · {format.share(co.share_bps)} <CoCreatorBadge status={co.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
