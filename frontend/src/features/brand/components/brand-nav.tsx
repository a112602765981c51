import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const LINKS = [
  { to: '/brand', key: 'brandNav.catalogue', end: true },
  { to: '/brand/reviews', key: 'brandNav.reviews', end: false },
  { to: '/brand/listings', key: 'brandNav.listings', end: false },
  { to: '/brand/moderation', key: 'brandNav.moderation', end: false },
  { to: '/brand/settings', key: 'brandNav.settings', end: false },
  { to: '/brand/analytics', key: 'brandNav.analytics', end: false },
] as const;

/** The console's own pages, above each of them; it scrolls sideways on a phone. */
export function BrandNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('brandNav.label')} className="brand-nav" data-testid="brand-nav">
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="sort-tab">
              {t(link.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
