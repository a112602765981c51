import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { RatingAverage } from '@/components/rating-average';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormatters } from '@/hooks/use-formatters';
import { allergenLabels, dietaryLabel } from '@/lib/catalog';
import { apiErrorMessage } from '@/lib/errors';
import { useMenu } from '../api/get-menu';
import type { MenuItem, MenuSection } from '../types';
import '../menu.css';

/** /menu: the community's designs the brand serves now, by template, for everyone. */
export function MenuPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const menu = useMenu(format.language);
  useDocumentTitle(t('menu.title'));
  const sections = menu.data?.sections.filter((section) => section.items.length > 0) ?? [];

  return (
    <div className="page" data-testid="menu-page">
      <header className="page-header">
        <h1>{t('menu.title')}</h1>
        <p className="lead">{t('menu.lead')}</p>
      </header>
      {menu.isPending ? (
        <LoadingState label={t('menu.loading')} />
      ) : menu.isError ? (
        <Alert tone="error">{apiErrorMessage(menu.error, t)}</Alert>
      ) : sections.length === 0 ? (
        <div className="menu-empty" data-testid="menu-empty">
          <p className="lead">{t('menu.empty')}</p>
          <p>
            <Link to="/vote" className="button button-primary">
              {t('menu.goVote')}
            </Link>
          </p>
        </div>
      ) : (
        sections.map((section) => <Section key={section.template.id} section={section} />)
      )}
    </div>
  );
}

function Section({ section }: { section: MenuSection }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="section menu-section" data-testid="menu-section">
      <h2 id={titleId}>{section.template.name}</h2>
      <ul className="card-grid">
        {section.items.map((item) => (
          <MenuCard key={item.listing_id} item={item} />
        ))}
      </ul>
    </section>
  );
}

function MenuCard({ item }: { item: MenuItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const allergens = allergenLabels(item.allergens, t);
  return (
    <li className="card feed-card menu-card" data-testid="menu-item">
      <img
        className="feed-preview"
        src={item.picture_url}
        alt={t('menu.pictureOf', { name: item.design.name })}
        width={1200}
        height={630}
        loading="lazy"
        decoding="async"
      />
      <div className="feed-body menu-body">
        <h3 className="feed-name">
          <Link to={`/d/${encodeURIComponent(item.design.slug)}`} className="card-link">
            {item.design.name}
          </Link>
        </h3>
        {item.creators.length > 0 ? (
          <p className="muted menu-credits" data-testid="menu-credits">
            {t('menu.by', { names: format.list(item.creators) })}
          </p>
        ) : null}
        <p className="feed-meta">
          <span className="feed-price" data-testid="menu-price">
            {format.money(item.price)}
          </span>
          <RatingAverage
            ratings={{ average: item.ratings.mean, count: item.ratings.count }}
            className="feed-rating"
            testId="menu-rating"
          />
        </p>
        <p className="menu-kcal">{t('nutrition.kcal', { value: format.integer(item.kcal) })}</p>
        <p className="menu-allergens" data-testid="menu-allergens">
          {allergens.length > 0 ? (
            <>
              <strong>{t('allergens.contains')}</strong> {allergens.join(', ')}
            </>
          ) : (
            t('allergens.none')
          )}
        </p>
        {item.dietary.length > 0 ? (
          <ul className="tags" aria-label={t('menu.dietary')} data-testid="menu-dietary">
            {item.dietary.map((tag) => (
              <li key={tag} className="tag tag-diet">
                {dietaryLabel(tag, t)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
