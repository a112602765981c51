import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { fakeApi, jsonResponse, testAccount, testSession, type FakeRoute } from '@/testing/http';
import { renderWithRouter } from '@/testing/render';
import type { RatingsDay } from '../types';
import { AnalyticsPage } from './analytics-page';

const days = (n: number): RatingsDay[] =>
  Array.from({ length: n }, (_, i) => ({
    date: `2026-11-${String(i + 1).padStart(2, '0')}`,
    ratings: i === 2 ? 12 : i % 2,
    would_buy: i === 2 ? 3 : 0,
  }));

function showAnalytics(routes: Record<string, FakeRoute> = {}) {
  const api = fakeApi({
    'GET /brand/analytics/ratings?days=30': () => jsonResponse({ days: days(30) }),
    'GET /brand/analytics/ratings?days=7': () => jsonResponse({ days: days(7) }),
    'GET /brand/analytics/funnel': () =>
      jsonResponse({ published: 48, shortlisted: 9, approved: 4, listed: 2, sold: 0 }),
    'GET /brand/analytics/options': () =>
      jsonResponse({
        items: [
          {
            option_id: 'o-bbq',
            name: { en: 'Barbecue', fr: 'Barbecue' },
            template_name: { en: 'Burger', fr: 'Burger' },
            published_designs: 17,
            units_sold: 0,
          },
        ],
      }),
    'GET /brand/analytics/listings': () =>
      jsonResponse({
        items: [
          {
            listing_id: 'l-1',
            design: { id: 'd-1', slug: 'smoky-ada', name: 'Smoky Ada', url: '/d/smoky-ada' },
            ratings: 42,
            lower_bound: 3.91,
            would_buy: 17,
            units_sold: 0,
            conversion: null,
          },
        ],
      }),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderWithRouter(<AnalyticsPage />, '/brand/analytics');
  return { ...view, api };
}

beforeEach(() => {
  apiClient.session.setSession(testSession('token-9', testAccount({ roles: ['curator'] })));
});

describe('the brand’s analytics', () => {
  it('draws the ratings per day, summed up in words and as a table', async () => {
    showAnalytics();

    const chart = await screen.findByTestId('ratings-chart');
    expect(within(chart).getByRole('img', { name: /^27 ratings over 30 days/ })).toBeVisible();
    expect(within(chart).getByTestId('ratings-summary')).toHaveTextContent(
      '27 ratings over 30 days, 3 of them would buy. The busiest day was Nov 3, with 12.',
    );
    expect(chart.querySelectorAll('rect.analytics-bar')).toHaveLength(30);
    expect(within(chart).getByTestId('ratings-table').querySelectorAll('tbody tr')).toHaveLength(
      30,
    );
  });

  it('asks for another period', async () => {
    const { api } = showAnalytics();
    const user = userEvent.setup();

    await screen.findByTestId('ratings-chart');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Last 7 days');
    expect(await screen.findByText(/over 7 days/)).toBeVisible();
    expect(api.requests.map((r) => r.path)).toContain('/brand/analytics/ratings?days=7');
  });

  it('shows the funnel, the options and the listings', async () => {
    showAnalytics();

    const funnel = await screen.findByTestId('funnel-bars');
    expect(funnel).toHaveTextContent(/Published48.*Reached the brand9.*Approved4.*On the menu2/);
    const options = await screen.findByTestId('options-table');
    expect(options).toHaveTextContent('BarbecueBurger170');
    const listings = await screen.findByTestId('listings-table');
    expect(within(listings).getByRole('link', { name: 'Smoky Ada' })).toHaveAttribute(
      'href',
      '/d/smoky-ada',
    );
    expect(listings).toHaveTextContent('Smoky Ada423.91170—');
  });

  it('downloads a table as CSV with the session’s token', async () => {
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:funnel');
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = createObjectURL;
        static override revokeObjectURL = vi.fn();
      },
    );
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    const { api } = showAnalytics({
      'GET /brand/analytics/funnel?format=csv': () =>
        new Response('published,shortlisted\n48,9\n', { headers: { 'Content-Type': 'text/csv' } }),
    });
    const user = userEvent.setup();

    await user.click(
      await screen.findByRole('button', { name: 'Download From published to sold as CSV' }),
    );

    await waitFor(() => {
      expect(saved).toHaveLength(1);
    });
    expect(saved[0]).toMatch(/^cocreate-funnel-\d{4}-\d{2}-\d{2}\.csv$/);
    const request = api.requests.find((r) => r.path === '/brand/analytics/funnel?format=csv');
    expect(request?.headers.get('Authorization')).toBe('Bearer token-9');
    expect(request?.headers.get('Accept')).toBe('text/csv');
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(await blob?.text()).toBe('published,shortlisted\n48,9\n');
  });
});
