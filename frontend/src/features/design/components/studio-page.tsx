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
import { useTemplate } from '../api/get-template';
import { coCreatorsPath, publicDesignPath } from '../utils/paths';
import { isLive } from '../utils/status';
import { CoCreatorsEditor } from './co-creators-editor';
import { StudioEditor } from './studio-editor';

/**
 * /design/new/:templateId and /design/:id/edit. Both render this page, so when a new design's
 * first save moves it to its draft's address the studio stays as it is.
 */
export function StudioPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { id, templateId: templateParam } = useParams();
  const session = useSession();
  const design = useDesign(id);
  const templateId = id ? design.data?.template_id : templateParam;
  const template = useTemplate(templateId);
  const templateName = template.data ? format.text(template.data.name) : '';
  const title = (design.data?.name ?? '') || templateName;
  useDocumentTitle(title ? t('studio.pageTitle', { name: title }) : t('nav.design'));

  // A failed background refetch keeps the studio (and the creator's unsaved work) open.
  if (id && design.isPending) return <LoadingState label={t('studio.loading')} />;
  if (design.isError && !design.data) return <Unavailable error={design.error} />;
  // Someone invited to co-create a draft may read it, but only its creator edits it.
  const isCreator = !design.data || design.data.creator.id === session.session?.account.id;
  if (design.data && (design.data.status !== 'draft' || !isCreator)) {
    const view = publicDesignPath(design.data);
    return (
      <section className="page page-narrow" data-testid="not-editable">
        <h1>{design.data.name || t('studioHome.untitled')}</h1>
        <p className="lead">
          {isCreator || design.data.status !== 'draft'
            ? t('studio.notEditable')
            : t('studio.notYours', { name: design.data.creator.display_name })}
        </p>
        <p className="button-row">
          {view ? (
            <Link to={view} className="button button-primary">
              {t('studio.viewPublished')}
            </Link>
          ) : null}
          {isCreator && isLive(design.data.status) ? (
            <Link to={coCreatorsPath(design.data.id)} className="button button-ghost">
              {t('coCreators.manage')}
            </Link>
          ) : null}
          <Link to="/design" className="button button-ghost">
            {t('studio.backToStudio')}
          </Link>
        </p>
      </section>
    );
  }
  if (template.isPending) return <LoadingState label={t('studio.loading')} />;
  if (template.isError && !template.data) return <Unavailable error={template.error} />;

  return (
    <div className="page" data-testid="studio-page">
      <header className="page-header">
        <p className="eyebrow">{design.data ? t('studio.editingDraft') : t('studio.newDesign')}</p>
        <h1>{format.text(template.data.name)}</h1>
        <p className="lead">{format.text(template.data.description)}</p>
      </header>
      <StudioEditor template={template.data} design={design.data ?? null} />
      {/* Once the draft is saved; its own form, beside the studio's. */}
      {design.data ? <CoCreatorsEditor design={design.data} /> : null}
    </div>
  );
}

function Unavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <section className="page page-narrow" data-testid="studio-unavailable">
      <h1>{missing ? t('studio.notFound') : t('studio.unavailable')}</h1>
      {missing ? null : <Alert tone="error">{apiErrorMessage(error, t)}</Alert>}
      <p>
        <Link to="/design" className="button button-primary">
          {t('studio.backToStudio')}
        </Link>
      </p>
    </section>
  );
}
