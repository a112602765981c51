import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { useSession } from '@/lib/auth';
import { apiErrorMessage } from '@/lib/errors';
import { useDesignBySlug } from '../api/get-design-by-slug';
import { useRecordView } from '../api/record-view';
import { useRemixDesign } from '../api/remix-design';
import { useWithdrawDesign } from '../api/withdraw-design';
import type { DesignCredit, PublicDesign } from '../types';
import { coCreatorsPath, editDesignPath } from '../utils/paths';
import { stackLayers } from '../utils/picture';
import { canWithdraw, isLive, reachedBrand } from '../utils/status';
import { CommentsSection } from './comments-section';
import { CreatorInsights } from './creator-insights';
import { DesignPicture } from './design-picture';
import { ListingPanel } from './listing-panel';
import { RatingPanel } from './rating-panel';
import { AllergenSummary, DietaryTags, NutritionFacts } from './nutrition-facts';
import { ReportButton } from './report-button';
import { ReviewPanel } from './review-panel';
import { RevisionLinks } from './revision-links';
import { ShareActions } from './share-actions';
import { StatusBadge } from './status-badge';

/** /d/:slug: a published design for anyone, as frozen when it was published. */
export function PublicDesignPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const design = useDesignBySlug(slug);
  useDocumentTitle(design.data?.name ?? t('designPage.title'));

  if (design.isPending) return <LoadingState label={t('designPage.loading')} />;
  if (design.isError) {
    const missing = design.error instanceof ApiError && design.error.status === 404;
    return (
      <section className="page page-narrow" data-testid="design-unavailable">
        <h1>{missing ? t('designPage.notFound') : t('designPage.unavailable')}</h1>
        {missing ? (
          <p className="lead">{t('designPage.notFoundBody')}</p>
        ) : (
          <Alert tone="error">{apiErrorMessage(design.error, t)}</Alert>
        )}
        <p>
          <Link to="/design" className="button button-primary">
            {t('studio.backToStudio')}
          </Link>
        </p>
      </section>
    );
  }
  return <DesignView design={design.data} />;
}

function DesignView({ design }: { design: PublicDesign }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const remix = useRemixDesign();
  const withdraw = useWithdrawDesign();
  const signedIn = session.status === 'signedIn';
  const isOwner = session.session?.account.id === design.creator.id;
  const coCreators = design.split.co_creators.filter((c) => c.status === 'accepted');
  const withdrawn = design.status === 'withdrawn';
  // Designs the brand is reviewing or has decided on are still published: rated, commented,
  // shared, managed. A design the brand hid is not, until it is restored.
  const live = isLive(design.status) && design.hidden === null;
  const withdrawable = live && canWithdraw(design.status);
  const [confirmingWithdraw, setConfirmingWithdraw] = useState(false);
  const layers = [design.picture.base_layer_svg, ...stackLayers(design.picture.layers)];
  // The server counts a share when this address is served with `?via=share`.
  const shareUrl = new URL(`${location.pathname}?via=share`, window.location.origin).href;
  useRecordView(design.id);
  const published = design.published_at
    ? new Intl.DateTimeFormat(format.language, { dateStyle: 'long' }).format(
        new Date(design.published_at),
      )
    : null;

  return (
    <article className="page design-page" data-testid="public-design">
      <div className="design-layout">
        <div className="design-visual">
          <DesignPicture layers={layers} label={t('studio.pictureOf', { name: design.name })} />
        </div>
        <div className="design-info">
          <p className="eyebrow">{format.text(design.template_name)}</p>
          <h1 data-testid="design-name">{design.name}</h1>
          {reachedBrand(design.status) ? (
            <p className="design-status">
              <StatusBadge status={design.status} /> {t(`designPage.status.${design.status}`)}
            </p>
          ) : null}
          <p className="design-byline">
            {t('designPage.by', { name: design.creator.display_name })}
            {published ? <> · {t('designPage.publishedOn', { date: published })}</> : null}
            {' · '}
            <Link to={`/vote?creator=${encodeURIComponent(design.creator.id)}`}>
              {t('designPage.moreBy', { name: design.creator.display_name })}
            </Link>
          </p>
          {coCreators.length > 0 ? (
            <p className="design-credit" data-testid="co-creators">
              {t('designPage.madeWith', {
                names: coCreators.map((c) => c.display_name).join(', '),
              })}
              {design.split.agreed ? (
                <>
                  {' · '}
                  {t('designPage.royaltySplit', {
                    split: [
                      `${design.creator.display_name} ${format.share(design.split.creator_share_bps)}`,
                      ...coCreators.map((c) => `${c.display_name} ${format.share(c.share_bps)}`),
                    ].join(', '),
                  })}
                </>
              ) : null}
            </p>
          ) : null}
          {design.remix_of ? (
            <p className="design-credit" data-testid="remix-credit">
              {t('designPage.remixOf')}{' '}
              <Link to={`/d/${encodeURIComponent(design.remix_of.slug)}`}>
                {design.remix_of.name}
              </Link>{' '}
              {t('designPage.by', { name: design.remix_of.creator_name })}
            </p>
          ) : null}
          <RevisionLinks design={design} isOwner={isOwner} />
          <p className="design-price" data-testid="design-price">
            {format.money(design.quote.price)}
          </p>

          {withdrawn ? (
            <Alert tone="info" testId="withdrawn-notice">
              {t('designPage.withdrawn')}
            </Alert>
          ) : null}
          {design.hidden ? (
            <Alert tone="info" testId="hidden-notice">
              {t('designPage.hidden', {
                date: format.date(design.hidden.at),
                reason: design.hidden.reason,
              })}
            </Alert>
          ) : null}
          {remix.isError ? <Alert tone="error">{apiErrorMessage(remix.error, t)}</Alert> : null}
          {withdraw.isError ? (
            <Alert tone="error">{apiErrorMessage(withdraw.error, t)}</Alert>
          ) : null}

          <div className="button-row">
            {!withdrawn && signedIn ? (
              <button
                type="button"
                className="button button-primary"
                disabled={remix.isPending}
                onClick={() => {
                  remix.mutate(design.id, {
                    onSuccess: (draft) => void navigate(editDesignPath(draft.id)),
                  });
                }}
              >
                {remix.isPending ? t('designPage.remixing') : t('designPage.remix')}
              </button>
            ) : null}
            {!withdrawn && !signedIn && session.status !== 'loading' ? (
              <Link
                to={`/signin?next=${encodeURIComponent(location.pathname)}`}
                className="button button-primary"
              >
                {t('designPage.signInToRemix')}
              </Link>
            ) : null}
            {isOwner && live ? (
              <Link to={coCreatorsPath(design.id)} className="button button-ghost">
                {t('coCreators.manage')}
              </Link>
            ) : null}
            {isOwner && withdrawable && !confirmingWithdraw ? (
              <button
                type="button"
                className="button button-ghost"
                onClick={() => {
                  setConfirmingWithdraw(true);
                }}
              >
                {t('designPage.withdraw')}
              </button>
            ) : null}
          </div>
          {isOwner && withdrawable && confirmingWithdraw ? (
            <div className="confirm" role="group" aria-labelledby="confirm-withdraw-text">
              <p id="confirm-withdraw-text">{t('designPage.confirmWithdraw')}</p>
              <div className="confirm-actions">
                <button
                  type="button"
                  className="button button-danger"
                  disabled={withdraw.isPending}
                  onClick={() => {
                    withdraw.mutate(design.id, {
                      onSettled: () => {
                        setConfirmingWithdraw(false);
                      },
                    });
                  }}
                >
                  {withdraw.isPending ? t('designPage.withdrawing') : t('designPage.withdrawNow')}
                </button>
                <button
                  type="button"
                  className="button button-ghost"
                  autoFocus
                  onClick={() => {
                    setConfirmingWithdraw(false);
                  }}
                >
                  {t('designPage.keepPublished')}
                </button>
              </div>
            </div>
          ) : null}

          <ReviewPanel design={design} isOwner={isOwner} />
          <ListingPanel design={design} accountId={session.session?.account.id} />
          <RatingPanel design={design} />
          <CreatorInsights design={design} />

          {!withdrawn ? (
            <section aria-labelledby="share-title" className="design-section">
              <h2 id="share-title">{t('share.title')}</h2>
              <ShareActions url={shareUrl} text={design.name} />
            </section>
          ) : null}
          {signedIn && !isOwner ? (
            <div className="design-report">
              <ReportButton targetType="design" targetId={design.id} />
            </div>
          ) : null}
        </div>
      </div>

      <div className="design-columns">
        <div>
          {design.story ? (
            <section aria-labelledby="story-title" className="design-section">
              <h2 id="story-title">{t('designPage.story')}</h2>
              {/* Plain text: line breaks kept by CSS, markup shown as typed, never parsed. */}
              <p className="story" data-testid="design-story">
                {design.story}
              </p>
            </section>
          ) : null}
          <section aria-labelledby="chosen-title" className="design-section">
            <h2 id="chosen-title">{t('designPage.chosen')}</h2>
            <ul className="chosen" data-testid="chosen">
              {design.chosen.map((item, index) => (
                // Names can repeat across groups; the list is fixed at publication.
                <li key={index}>
                  {item.quantity > 1 ? (
                    <>
                      <span className="chosen-quantity">
                        {t('designPage.quantity', { n: item.quantity })}
                      </span>{' '}
                    </>
                  ) : null}
                  {format.text(item.name)}
                </li>
              ))}
            </ul>
          </section>
          {design.tags.length > 0 ? (
            <ul className="tags" aria-label={t('studio.tags')}>
              {design.tags.map((tag) => (
                <li key={tag} className="tag">
                  #{tag}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div>
          <section aria-labelledby="allergens-title" className="design-section">
            <h2 id="allergens-title">{t('studio.allergens')}</h2>
            <AllergenSummary allergens={design.quote.allergens} />
            <DietaryTags tags={design.quote.dietary} />
          </section>
          <section aria-labelledby="nutrition-title" className="design-section">
            <h2 id="nutrition-title">{t('studio.nutrition')}</h2>
            <NutritionFacts nutrition={design.quote.nutrition} />
          </section>
        </div>
      </div>

      <Lineage
        title={t('designPage.ancestry')}
        credits={design.ancestry}
        ordered
        testId="ancestry"
      />
      <Lineage
        title={t('designPage.remixes')}
        credits={design.remixes}
        ordered={false}
        testId="remixes"
      />
      <CommentsSection designId={design.id} open={live} />
    </article>
  );
}

function Lineage({
  title,
  credits,
  ordered,
  testId,
}: {
  title: string;
  credits: readonly DesignCredit[];
  /** The ancestry is a chain (nearest first); remixes are just a list. */
  ordered: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  if (credits.length === 0) return null;
  const items = credits.map((credit) => (
    <li key={credit.slug}>
      <Link to={`/d/${encodeURIComponent(credit.slug)}`}>{credit.name}</Link>{' '}
      <span className="muted">{t('designPage.by', { name: credit.creator_name })}</span>
    </li>
  ));
  return (
    <section className="design-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {ordered ? (
        <ol className="lineage" data-testid={testId}>
          {items}
        </ol>
      ) : (
        <ul className="lineage" data-testid={testId}>
          {items}
        </ul>
      )}
    </section>
  );
}
