import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { fakeApi, jsonResponse } from '@/testing/http';
import { renderRoutes } from '@/testing/render';
import { feedItem } from '../testing/fixtures';
import { VotePage } from './vote-page';

const routes = [{ path: 'vote', element: <VotePage /> }];

beforeEach(() => {
  apiClient.session.clear();
});

describe('the vote page', () => {
  it('asks for the top designs on the Top tab and shows them in the server’s order', async () => {
    const api = fakeApi({
      'GET /feed?sort=hot&limit=24': () =>
        jsonResponse({ items: [feedItem({ slug: 'hot-one' })], next_cursor: null }),
      'GET /feed?sort=top&limit=24': () =>
        jsonResponse({
          items: [
            feedItem({ slug: 'zesty', name: 'Zesty Grace', creator_name: 'Grace' }),
            feedItem({ slug: 'applewood', name: 'Applewood', ratings: noRatings }),
            feedItem({ slug: 'midnight', name: 'Midnight Melt' }),
          ],
          next_cursor: null,
        }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRoutes(routes, '/vote');

    expect(await screen.findByRole('link', { name: 'hot-one' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Hot' })).toHaveAttribute('aria-current', 'page');

    await user.click(screen.getByRole('link', { name: 'Top' }));

    expect(await screen.findByRole('link', { name: 'Zesty Grace' })).toHaveAttribute(
      'href',
      '/d/zesty',
    );
    expect(api.requests.at(-1)?.path).toBe('/feed?sort=top&limit=24');
    expect(screen.getByRole('link', { name: 'Top' })).toHaveAttribute('aria-current', 'page');
    const cards = screen.getAllByTestId('feed-card');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([
      'Zesty Grace',
      'Applewood',
      'Midnight Melt',
    ]);
    const first = cards[0];
    if (!first) throw new Error('no card');
    expect(within(first).getByRole('img', { name: 'Zesty Grace' })).toHaveAttribute(
      'src',
      '/d/zesty/preview.png',
    );
    expect(first).toHaveTextContent('by Grace');
    expect(first).toHaveTextContent('€8.60');
    expect(first).toHaveTextContent('4.6 ★ (200)');
    expect(cards[1]).toHaveTextContent('No ratings yet');
  });

  it('loads the next page with the cursor it was given', async () => {
    const api = fakeApi({
      'GET /feed?sort=new&limit=24': () =>
        jsonResponse({ items: [feedItem({ slug: 'first' })], next_cursor: 'c/2+' }),
      [`GET /feed?sort=new&limit=24&cursor=${encodeURIComponent('c/2+')}`]: () =>
        jsonResponse({ items: [feedItem({ slug: 'second' })], next_cursor: null }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRoutes(routes, '/vote?sort=new');

    await user.click(await screen.findByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: 'second' })).toBeInTheDocument();
    expect(screen.getAllByTestId('feed-card')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});

const noRatings = {
  count: 0,
  average: null,
  lower_bound: 0,
  histogram: [0, 0, 0, 0, 0] as [number, number, number, number, number],
  would_buy_count: 0,
};
