import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { designRefPath } from '@/types/listings';
import type { PublicDesign } from '../types';
import { editDesignPath } from '../utils/paths';

/**
 * The versions around a request for changes: the one this design answers, and the newer one
 * that answers it (its creator can open a draft one in the studio).
 */
export function RevisionLinks({ design, isOwner }: { design: PublicDesign; isOwner: boolean }) {
  const { t } = useTranslation();
  const older = design.revision_of;
  const newer = design.revised_by;
  const olderPath = older ? designRefPath(older) : null;
  const newerPath = newer ? designRefPath(newer) : null;
  return (
    <>
      {older ? (
        <p className="design-credit" data-testid="revision-of">
          {t('revision.of')} {olderPath ? <Link to={olderPath}>{older.name}</Link> : older.name}
        </p>
      ) : null}
      {newer ? (
        <p className="design-credit" data-testid="revised-by">
          {newerPath ? (
            <>
              {t('revision.by')} <Link to={newerPath}>{newer.name}</Link>
            </>
          ) : isOwner ? (
            <>
              {t('revision.draft')}{' '}
              <Link to={editDesignPath(newer.id)}>
                {t('revision.continue', { name: newer.name || t('studioHome.untitled') })}
              </Link>
            </>
          ) : (
            t('revision.coming')
          )}
        </p>
      ) : null}
    </>
  );
}
