import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import { fakeApi, jsonResponse, testAccount, testSession } from '@/testing/http';
import { renderRoutes } from '@/testing/render';
import { promotion, publicDesign, ratingSummary } from '../testing/fixtures';
import { showDesign } from '../testing/show-design';
import { MyDesigns } from './my-designs';

beforeEach(() => {
  apiClient.session.clear();
});

/** 9 ratings averaging 4.1, a cautious average of 3.71, 2 would-buy; 4th of 48 in Top. */
const ranked = () =>
  publicDesign({
    ratings: { ...ratingSummary([0, 1, 1, 3, 4], 2), average: 4.1, lower_bound: 3.71 },
    standing: { top_position: 4, of: 48 },
    promotion: promotion({
      progress: [
        { key: 'ratings', current: 9, target: 10, met: false },
        { key: 'lower_bound', current: 3.71, target: 3.5, met: true },
        { key: 'would_buy', current: 2, target: 3, met: false },
      ],
    }),
  });

describe('where a design stands', () => {
  it('explains its rank in plain words, and what the brand still waits for', async () => {
    showDesign(ranked());

    expect(await screen.findByTestId('rank-explanation')).toHaveTextContent(
      '4th of 48 in Top. Rated by 9 people, average 4.1. Top sorts by a cautious estimate of ' +
        'the average (3.71) that rises with more ratings. Still needed for the brand: ' +
        '1 more rating, 1 more would-buy.',
    );
  });

  it('explains it in French too', async () => {
    await i18n.changeLanguage('fr');
    showDesign(publicDesign({ ...ranked(), standing: { top_position: 1, of: 48 } }));

    expect(await screen.findByTestId('rank-explanation')).toHaveTextContent(
      /^1re sur 48 dans Mieux notées\. Notée par 9 personnes, moyenne 4,1\. .*\(3,71\).* Il manque encore pour la marque : 1 note de plus et 1 « je l’achèterais » de plus\.$/,
    );
  });

  it('shows a bar per threshold, readable by screen readers', async () => {
    showDesign(publicDesign({ promotion: promotion() }));

    const ratings = await screen.findByRole('progressbar', { name: 'Ratings' });
    expect(ratings).toHaveAttribute('aria-valuenow', '7');
    expect(ratings).toHaveAttribute('aria-valuemin', '0');
    expect(ratings).toHaveAttribute('aria-valuemax', '10');
    expect(ratings).toHaveAttribute('aria-valuetext', '7 of 10, Not yet');
    // Above its target, the bar is full and the words say the real figure.
    const average = screen.getByRole('progressbar', { name: 'Cautious average' });
    expect(average).toHaveAttribute('aria-valuenow', '3.5');
    expect(average).toHaveAttribute('aria-valuetext', '3.71 of 3.50, Reached');
    expect(screen.getByRole('progressbar', { name: 'Would buy it' })).toHaveAttribute(
      'aria-valuenow',
      '2',
    );
    expect(screen.getAllByRole('progressbar')).toHaveLength(3);
  });

  it('marks a shortlisted design as such', async () => {
    showDesign(
      publicDesign({ status: 'shortlisted', promotion: promotion({ met: true }), standing: null }),
    );

    expect(await screen.findByTestId('design-status')).toHaveTextContent('Shortlisted');
    expect(screen.getByTestId('rank-explanation')).toHaveTextContent(
      'The brand has shortlisted it.',
    );
  });

  it('links to the creator’s other designs on the vote page', async () => {
    showDesign(publicDesign());
    expect(await screen.findByRole('link', { name: 'More by Ada' })).toHaveAttribute(
      'href',
      `/vote?creator=${publicDesign().creator.id}`,
    );
  });
});

describe('what only its creators see', () => {
  it('says which ratings do not count yet, and that they will', async () => {
    apiClient.session.setSession(testSession());
    showDesign(
      publicDesign({ promotion: promotion(), pending_ratings: { too_young: 2, unverified: 1 } }),
    );

    expect(await screen.findByTestId('pending-ratings')).toHaveTextContent(
      '2 ratings from accounts younger than 3 days and 1 from an unverified account do not ' +
        'count yet; they will count on their own when those accounts qualify.',
    );
  });

  it('shows the funnel from views to orders', async () => {
    apiClient.session.setSession(testSession());
    showDesign(
      publicDesign({
        funnel: { views: 120, share_clicks: 14, ratings: 9, would_buy: 3, orders: 0 },
      }),
    );

    const steps = within(await screen.findByTestId('funnel')).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      'Views120',
      'Ratings9',
      'Would buy it3',
      'Orders0',
    ]);
    expect(screen.getByTestId('share-clicks')).toHaveTextContent(
      '14 visits came through a shared link.',
    );
  });

  it('is not shown to visitors (the server sends nothing for them)', async () => {
    showDesign(publicDesign());
    await screen.findByTestId('ratings');
    expect(screen.queryByTestId('insights')).not.toBeInTheDocument();
  });
});

describe('a visit of the design’s page', () => {
  it('counts one view, however often the page redraws', async () => {
    apiClient.session.setSession(testSession('t', testAccount({ id: 'someone-else' })));
    const user = userEvent.setup();
    const { api } = showDesign(publicDesign({ promotion: promotion() }), {
      routes: {
        'PUT /designs/d-1/rating': () =>
          jsonResponse({
            stars: 5,
            would_buy: false,
            counted: true,
            not_counted_because: null,
            design: ratingSummary([0, 0, 0, 0, 1]),
            status: 'published',
          }),
      },
    });

    await user.click(await screen.findByRole('radio', { name: '5 stars' }));
    await waitFor(() => {
      expect(screen.getByTestId('rating-count')).toHaveTextContent('1 rating');
    });

    const views = api.requests.filter((r) => r.path === '/designs/d-1/views');
    expect(views).toHaveLength(1);
    expect(views[0]?.method).toBe('POST');
    expect(views[0]?.headers.get('Authorization')).toBe('Bearer t');
  });
});

describe('rating a design that is close to the brand', () => {
  it('says plainly why a rating does not count yet', async () => {
    apiClient.session.setSession(testSession('t', testAccount({ id: 'someone-else' })));
    const user = userEvent.setup();
    showDesign(publicDesign({ promotion: promotion() }), {
      routes: {
        'PUT /designs/d-1/rating': () =>
          jsonResponse({
            stars: 4,
            would_buy: true,
            counted: false,
            not_counted_because: 'account_too_young',
            design: ratingSummary([0, 0, 0, 0, 0]),
            status: 'published',
          }),
      },
    });

    await user.click(await screen.findByRole('checkbox', { name: 'I’d buy this' }));
    await user.click(screen.getByRole('radio', { name: '4 stars' }));

    expect(await screen.findByTestId('not-counted')).toHaveTextContent(
      'Your rating is saved, but it does not count yet: your account is less than 3 days old. ' +
        'It will count on its own once it is.',
    );
  });

  it('shows the new bars and the shortlist when a rating gets it there', async () => {
    apiClient.session.setSession(testSession('t', testAccount({ id: 'someone-else' })));
    const user = userEvent.setup();
    showDesign(publicDesign({ promotion: promotion() }), {
      routes: {
        'PUT /designs/d-1/rating': () =>
          jsonResponse({
            stars: 5,
            would_buy: true,
            counted: true,
            not_counted_because: null,
            design: { ...ratingSummary([0, 0, 1, 4, 5], 3), lower_bound: 3.8 },
            status: 'shortlisted',
          }),
      },
    });

    await user.click(await screen.findByRole('checkbox', { name: 'I’d buy this' }));
    await user.click(screen.getByRole('radio', { name: '5 stars' }));

    expect(await screen.findByTestId('design-status')).toHaveTextContent('Shortlisted');
    expect(screen.getByRole('progressbar', { name: 'Ratings' })).toHaveAttribute(
      'aria-valuetext',
      '10 of 10, Reached',
    );
    expect(screen.queryByTestId('not-counted')).not.toBeInTheDocument();
  });

  it('asks a visitor rating too fast to slow down', async () => {
    apiClient.session.setSession(testSession('t', testAccount({ id: 'someone-else' })));
    const user = userEvent.setup();
    showDesign(publicDesign(), {
      routes: {
        'PUT /designs/d-1/rating': () =>
          new Response(
            JSON.stringify({
              type: 'about:blank',
              title: 'Too many',
              status: 429,
              code: 'rate_limited',
            }),
            {
              status: 429,
              headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '20' },
            },
          ),
      },
    });

    await user.click(await screen.findByRole('radio', { name: '3 stars' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Slow down a little: you can try again in 20 seconds.',
    );
  });
});

describe('my designs', () => {
  it('shows each published design’s status and how far it is from the brand', async () => {
    apiClient.session.setSession(testSession());
    const api = fakeApi({
      'GET /me/designs': () =>
        jsonResponse({
          items: [
            publicDesign({ id: 'd-1', name: 'Smoky Ada', promotion: promotion() }),
            publicDesign({
              id: 'd-2',
              name: 'Chosen One',
              status: 'shortlisted',
              promotion: promotion({ met: true }),
            }),
            publicDesign({ id: 'd-3', name: 'Work in progress', status: 'draft', promotion: null }),
          ],
        }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderRoutes([{ path: 'design', element: <MyDesigns /> }], '/design');

    const rows = await screen.findAllByTestId('my-design');
    const [published, shortlisted, draft] = rows.map((row) => within(row));
    expect(published?.getByTestId('design-status')).toHaveTextContent('Published');
    expect(published?.getByRole('progressbar', { name: 'Ratings' })).toHaveAttribute(
      'aria-valuetext',
      '7 of 10, Not yet',
    );
    expect(shortlisted?.getByTestId('design-status')).toHaveTextContent('Shortlisted');
    expect(shortlisted?.getAllByRole('progressbar')).toHaveLength(3);
    expect(draft?.getByTestId('design-status')).toHaveTextContent('Draft');
    expect(draft?.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
