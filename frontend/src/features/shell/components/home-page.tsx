import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth';

const AREAS = [
  { to: '/design', key: 'design' },
  { to: '/vote', key: 'vote' },
  { to: '/brand', key: 'brand' },
  { to: '/earnings', key: 'earnings' },
] as const;

type AreaKey = (typeof AREAS)[number]['key'];

/** Line icons drawn on a 24-unit grid (no icon font, no emoji font needed). */
const ICON_PATHS: Record<AreaKey, string> = {
  design: 'M4 10a8 5 0 0 1 16 0zM3 13h18M4 16h16a0 0 0 0 1 0 0 3 3 0 0 1-3 3H7a3 3 0 0 1-3-3z',
  vote: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z',
  brand: 'M12 3l8 3v6c0 4.4-3.4 8-8 9-4.6-1-8-4.6-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  earnings:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM15 8.5c-.8-.9-1.8-1.3-3-1.3-2 0-3 1-3 2.3 0 3.2 6 1.6 6 4.9 0 1.3-1.2 2.4-3 2.4-1.4 0-2.5-.5-3.2-1.4M12 5.5v13',
};

function AreaIcon({ area }: { area: AreaKey }) {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <path
        d={ICON_PATHS[area]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle();

  return (
    <div className="page home" data-testid="home-page">
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <p className="lead">{t('home.lead2')}</p>
        {session.status === 'signedOut' ? (
          <p>
            <Link to="/signup" className="button button-primary button-large">
              {t('home.getStarted')}
            </Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="areas-title">
        <h2 id="areas-title" className="visually-hidden">
          {t('home.areasTitle')}
        </h2>
        <ul className="area-grid">
          {AREAS.map((area) => (
            <li key={area.key} className="card area-card">
              <span className={`area-icon area-icon-${area.key}`}>
                <AreaIcon area={area.key} />
              </span>
              <h3>
                <Link to={area.to} className="card-link">
                  {t(`home.cards.${area.key}.title`)}
                </Link>
              </h3>
              <p>{t(`home.cards.${area.key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
