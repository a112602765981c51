import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { PublicDesign } from '../types';
import { shortfalls, type Shortfall } from '../utils/promotion';
import { reachedBrand } from '../utils/status';

/**
 * Why the design stands where it does, in plain words: its place in Top, who rated it, what
 * Top sorts by, and what the brand still waits for.
 */
export function RankExplanation({ design }: { design: PublicDesign }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { ratings, standing, promotion } = design;
  const sentences: string[] = [];

  if (standing) {
    sentences.push(
      t('rank.standing', {
        position: t('rank.position', { count: standing.top_position, ordinal: true }),
        of: format.integer(standing.of),
      }),
    );
  }
  if (ratings.count > 0 && ratings.average !== null) {
    sentences.push(
      t('rank.rated', {
        count: ratings.count,
        n: format.integer(ratings.count),
        average: format.stars(ratings.average),
      }),
      t('rank.topSorts', { score: format.score(ratings.lower_bound) }),
    );
  } else {
    sentences.push(t('rank.noRatings'));
  }
  // Once the brand has decided, its answer (on the same page) says the rest.
  const decided = reachedBrand(design.status) && design.status !== 'shortlisted';
  if (design.status === 'shortlisted') {
    sentences.push(t('rank.shortlisted'));
  } else if (decided) {
    sentences.push(t('rank.decided'));
  } else if (promotion?.met) {
    sentences.push(t('rank.allMet'));
  } else if (promotion) {
    const needed = shortfalls(promotion).map((shortfall) => describe(shortfall));
    if (needed.length > 0)
      sentences.push(t('rank.stillNeeded', { list: format.list(needed, 'unit') }));
  }

  function describe(shortfall: Shortfall): string {
    if (shortfall.key === 'lower_bound') {
      return t('rank.needed.lower_bound', {
        target: format.score(shortfall.target),
        current: format.score(shortfall.current),
      });
    }
    return t(`rank.needed.${shortfall.key}`, {
      count: shortfall.missing,
      n: format.integer(shortfall.missing),
    });
  }

  return (
    <p className="rank-explanation" data-testid="rank-explanation">
      {sentences.join(' ')}
    </p>
  );
}
