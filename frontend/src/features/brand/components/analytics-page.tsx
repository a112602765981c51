import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { designRefPath } from '@/types/listings';
import { FUNNEL_ANALYTICS_PATH, useFunnelAnalytics } from '../api/get-funnel-analytics';
import { LISTINGS_ANALYTICS_PATH, useListingsAnalytics } from '../api/get-listings-analytics';
import { OPTIONS_ANALYTICS_PATH, useOptionsAnalytics } from '../api/get-options-analytics';
import { ratingsAnalyticsPath, useRatingsAnalytics } from '../api/get-ratings-analytics';
import type { FunnelCounts } from '../types';
import { BrandNav } from './brand-nav';
import { CsvButton } from './csv-button';
import { RatingsChart } from './ratings-chart';
import '../brand.css';

const PERIODS = [7, 30, 90] as const;
const STAGES = ['published', 'shortlisted', 'approved', 'listed', 'sold'] as const;

/** /brand/analytics: ratings per day, the options designs use, the funnel, listings' sales. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('analytics.title'));
  return (
    <div className="page" data-testid="analytics-page">
      <BrandNav />
      <header className="page-header">
        <h1>{t('analytics.title')}</h1>
        <p className="lead">{t('analytics.lead')}</p>
      </header>
      <RatingsSection />
      <FunnelSection />
      <OptionsSection />
      <ListingsSection />
    </div>
  );
}

/** A section with its title, its CSV download, and what it shows (or why it cannot). */
function Section({
  title,
  csv,
  children,
  testId,
}: {
  title: string;
  csv: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="section analytics-section" data-testid={testId}>
      <div className="brand-section-heading">
        <h2 id={titleId}>{title}</h2>
        {csv}
      </div>
      {children}
    </section>
  );
}

function Loaded<T>({
  query,
  loading,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };
  loading: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError || query.data === undefined) {
    return <Alert tone="error">{apiErrorMessage(query.error, t)}</Alert>;
  }
  return children(query.data);
}

function RatingsSection() {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const ratings = useRatingsAnalytics(days);
  const periodId = useId();
  return (
    <Section
      title={t('analytics.ratings.title')}
      testId="analytics-ratings"
      csv={
        <CsvButton
          path={ratingsAnalyticsPath(days)}
          name={`ratings-${days}-days`}
          what={t('analytics.ratings.title')}
        />
      }
    >
      <div className="field brand-filter">
        <label htmlFor={periodId}>{t('analytics.ratings.period')}</label>
        <select
          id={periodId}
          className="select"
          value={days}
          onChange={(event) => {
            setDays(Number(event.target.value));
          }}
        >
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {t('analytics.ratings.lastDays', { count: period })}
            </option>
          ))}
        </select>
      </div>
      <Loaded query={ratings} loading={t('analytics.loading')}>
        {(data) => <RatingsChart days={data} />}
      </Loaded>
    </Section>
  );
}

function FunnelSection() {
  const { t } = useTranslation();
  const funnel = useFunnelAnalytics();
  return (
    <Section
      title={t('analytics.funnel.title')}
      testId="analytics-funnel"
      csv={
        <CsvButton path={FUNNEL_ANALYTICS_PATH} name="funnel" what={t('analytics.funnel.title')} />
      }
    >
      <Loaded query={funnel} loading={t('analytics.loading')}>
        {(data) => <FunnelBars funnel={data} />}
      </Loaded>
    </Section>
  );
}

function FunnelBars({ funnel }: { funnel: FunnelCounts }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const most = Math.max(1, ...STAGES.map((stage) => funnel[stage]));
  return (
    <ol className="funnel-steps analytics-funnel" data-testid="funnel-bars">
      {STAGES.map((stage) => (
        <li key={stage} className="funnel-step">
          <span className="funnel-label">{t(`analytics.funnel.${stage}`)}</span>
          <span className="funnel-bar" aria-hidden="true">
            <span style={{ width: `${(funnel[stage] / most) * 100}%` }} />
          </span>
          <span className="funnel-count">{format.integer(funnel[stage])}</span>
        </li>
      ))}
    </ol>
  );
}

function OptionsSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const options = useOptionsAnalytics();
  return (
    <Section
      title={t('analytics.options.title')}
      testId="analytics-options"
      csv={
        <CsvButton
          path={OPTIONS_ANALYTICS_PATH}
          name="options"
          what={t('analytics.options.title')}
        />
      }
    >
      <Loaded query={options} loading={t('analytics.loading')}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('analytics.none')}</p>
          ) : (
            <div className="brand-group">
              <table className="brand-table" data-testid="options-table">
                <caption className="visually-hidden">{t('analytics.options.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('analytics.options.option')}</th>
                    <th scope="col">{t('analytics.options.template')}</th>
                    <th scope="col">{t('analytics.options.designs')}</th>
                    <th scope="col">{t('analytics.options.sold')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((option) => (
                    <tr key={option.option_id}>
                      <th scope="row">{format.text(option.name)}</th>
                      <td data-label={t('analytics.options.template')}>
                        {format.text(option.template_name)}
                      </td>
                      <td data-label={t('analytics.options.designs')}>
                        {format.integer(option.published_designs)}
                      </td>
                      <td data-label={t('analytics.options.sold')}>
                        {format.integer(option.units_sold)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </Section>
  );
}

function ListingsSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const listings = useListingsAnalytics();
  const percent = (value: number) =>
    new Intl.NumberFormat(format.language, { style: 'percent', maximumFractionDigits: 1 }).format(
      value,
    );
  return (
    <Section
      title={t('analytics.listings.title')}
      testId="analytics-listings"
      csv={
        <CsvButton
          path={LISTINGS_ANALYTICS_PATH}
          name="listings"
          what={t('analytics.listings.title')}
        />
      }
    >
      <p className="muted">{t('analytics.listings.lead')}</p>
      <Loaded query={listings} loading={t('analytics.loading')}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('analytics.none')}</p>
          ) : (
            <div className="brand-group">
              <table className="brand-table" data-testid="listings-table">
                <caption className="visually-hidden">{t('analytics.listings.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('analytics.listings.design')}</th>
                    <th scope="col">{t('analytics.listings.ratings')}</th>
                    <th scope="col">{t('analytics.listings.lowerBound')}</th>
                    <th scope="col">{t('analytics.listings.wouldBuy')}</th>
                    <th scope="col">{t('analytics.listings.sold')}</th>
                    <th scope="col">{t('analytics.listings.conversion')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((row) => {
                    const path = designRefPath(row.design);
                    return (
                      <tr key={row.listing_id}>
                        <th scope="row">
                          {path ? <Link to={path}>{row.design.name}</Link> : row.design.name}
                        </th>
                        <td data-label={t('analytics.listings.ratings')}>
                          {format.integer(row.ratings)}
                        </td>
                        <td data-label={t('analytics.listings.lowerBound')}>
                          {format.score(row.lower_bound)}
                        </td>
                        <td data-label={t('analytics.listings.wouldBuy')}>
                          {format.integer(row.would_buy)}
                        </td>
                        <td data-label={t('analytics.listings.sold')}>
                          {format.integer(row.units_sold)}
                        </td>
                        <td data-label={t('analytics.listings.conversion')}>
                          {row.conversion === null ? '—' : percent(row.conversion)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </Section>
  );
}
