import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { type FakeRoute, fakeApi, jsonResponse } from '@/testing/http';
import { nth } from '@/testing/lists';
import { renderRoutes } from '@/testing/render';
import { burgerSummary, burgerTemplate, feedItem } from '../testing/fixtures';
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

/** The feed's routes, plus the templates the filters offer. */
function stubApi(routes: Record<string, FakeRoute>) {
  const api = fakeApi({
    'GET /templates': () => jsonResponse({ items: [burgerSummary] }),
    'GET /templates/tpl-burger': () => jsonResponse(burgerTemplate),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

const feedPaths = (api: ReturnType<typeof fakeApi>) =>
  api.requests.filter((request) => request.path.startsWith('/feed')).map((r) => r.path);

const page = (...slugs: string[]) =>
  jsonResponse({ items: slugs.map((slug) => feedItem({ slug })), next_cursor: null });

describe('filtering the feed', () => {
  it('narrows the feed by template, ingredient, allergen and label, all in the address', async () => {
    stubApi({
      'GET /feed?sort=hot&limit=24': () => page('everything'),
      'GET /feed?sort=hot&limit=24&template=tpl-burger': () => page('burgers'),
      'GET /feed?sort=hot&limit=24&template=tpl-burger&option=o-bbq': () => page('bbq'),
      'GET /feed?sort=hot&limit=24&template=tpl-burger&option=o-bbq&free_of=gluten': () =>
        page('bbq-no-gluten'),
      'GET /feed?sort=hot&limit=24&template=tpl-burger&option=o-bbq&free_of=gluten&dietary=vegan':
        () => page('vegan-bbq'),
    });
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/vote');

    expect(await screen.findByRole('link', { name: 'everything' })).toBeInTheDocument();
    const contains = screen.getByRole('combobox', { name: 'Contains' });
    expect(contains).toBeDisabled();

    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Template' }),
      await screen.findByRole('option', { name: 'Burger' }),
    );
    expect(await screen.findByRole('link', { name: 'burgers' })).toBeInTheDocument();
    await waitFor(() => {
      expect(contains).toBeEnabled();
    });
    expect(within(contains).getByRole('group', { name: 'Sauces' })).toBeInTheDocument();
    await user.selectOptions(contains, 'Barbecue');
    expect(await screen.findByRole('link', { name: 'bbq' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Gluten' }));
    expect(await screen.findByRole('link', { name: 'bbq-no-gluten' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Vegan' }));

    expect(await screen.findByRole('link', { name: 'vegan-bbq' })).toBeInTheDocument();
    expect(router.state.location.search).toBe(
      '?template=tpl-burger&option=o-bbq&free_of=gluten&dietary=vegan',
    );
    expect(screen.getByRole('button', { name: 'Filters (4)' })).toBeInTheDocument();
    // The sort tabs keep the filters.
    expect(screen.getByRole('link', { name: 'Top' })).toHaveAttribute(
      'href',
      '/vote?sort=top&template=tpl-burger&option=o-bbq&free_of=gluten&dietary=vegan',
    );
  });

  it('opens a shared link with its filters applied and shown', async () => {
    const api = stubApi({
      'GET /feed?sort=new&limit=24&template=tpl-burger&free_of=gluten&free_of=milk&q=smoky': () =>
        page('smoky-free'),
    });
    renderRoutes(routes, '/vote?sort=new&free_of=milk&free_of=gluten&template=tpl-burger&q=smoky');

    expect(await screen.findByRole('link', { name: 'smoky-free' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Gluten' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Milk' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Eggs' })).not.toBeChecked();
    expect(screen.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('smoky');
    expect(await screen.findByRole('combobox', { name: 'Template' })).toHaveValue('tpl-burger');
    expect(feedPaths(api)).toHaveLength(1);
  });

  it('searches once typing pauses, not on every key', async () => {
    const api = stubApi({
      'GET /feed?sort=hot&limit=24': () => page('everything'),
      'GET /feed?sort=hot&limit=24&q=smo': () => page('smoky'),
    });
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/vote');
    await screen.findByRole('link', { name: 'everything' });

    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'smo');

    expect(await screen.findByRole('link', { name: 'smoky' })).toBeInTheDocument();
    expect(feedPaths(api)).toEqual(['/feed?sort=hot&limit=24', '/feed?sort=hot&limit=24&q=smo']);
    expect(router.state.location.search).toBe('?q=smo');
  });

  it('shows one creator’s designs when asked, and everyone’s again on request', async () => {
    stubApi({
      'GET /feed?sort=hot&limit=24&creator=acc-grace': () =>
        jsonResponse({
          items: [feedItem({ slug: 'zesty', creator_id: 'acc-grace', creator_name: 'Grace' })],
          next_cursor: null,
        }),
      'GET /feed?sort=hot&limit=24': () => page('everything'),
    });
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/vote?creator=acc-grace');

    expect(await screen.findByTestId('creator-filter')).toHaveTextContent('Designs by Grace');
    await user.click(screen.getByRole('button', { name: 'Show everyone’s designs' }));

    expect(await screen.findByRole('link', { name: 'everything' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('says when nothing matches and clears the filters in one go', async () => {
    stubApi({
      'GET /feed?sort=hot&limit=24&dietary=halal': () => page(),
      'GET /feed?sort=hot&limit=24': () => page('everything'),
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/vote?dietary=halal');

    expect(await screen.findByTestId('feed-empty')).toHaveTextContent(
      'No design matches these filters.',
    );
    await user.click(within(screen.getByTestId('feed-empty')).getByRole('button'));

    expect(await screen.findByRole('link', { name: 'everything' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Halal' })).not.toBeChecked();
  });

  it('folds the filters behind a button for small screens', async () => {
    stubApi({ 'GET /feed?sort=hot&limit=24': () => page('everything') });
    const user = userEvent.setup();
    renderRoutes(routes, '/vote');

    const toggle = await screen.findByRole('button', { name: 'Filters' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAttribute('aria-controls', screen.getByTestId('feed-filters').id);
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('the feed’s cards and pages', () => {
  it('marks the designs the brand has shortlisted, decided on or put on the menu', async () => {
    stubApi({
      'GET /feed?sort=hot&limit=24': () =>
        jsonResponse({
          items: [
            feedItem({ slug: 'chosen', status: 'shortlisted' }),
            feedItem({ slug: 'hopeful' }),
            feedItem({ slug: 'tweaked', status: 'changes_requested' }),
            feedItem({ slug: 'served', status: 'listed' }),
          ],
          next_cursor: null,
        }),
    });
    renderRoutes(routes, '/vote');

    const cards = await screen.findAllByTestId('feed-card');
    expect(within(nth(cards, 0)).getByTestId('shortlisted-badge')).toHaveTextContent('Shortlisted');
    expect(within(nth(cards, 1)).queryByTestId('shortlisted-badge')).toBeNull();
    expect(within(nth(cards, 1)).queryByTestId('status-badge')).toBeNull();
    expect(within(nth(cards, 2)).getByTestId('status-badge')).toHaveTextContent(
      'Changes requested',
    );
    expect(within(nth(cards, 3)).getByTestId('status-badge')).toHaveTextContent('On the menu');
  });

  it('loads the next page when the end of the list scrolls into view', async () => {
    const observers: { callback: IntersectionObserverCallback; target: Element | null }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        target: Element | null = null;
        readonly callback: IntersectionObserverCallback;
        constructor(callback: IntersectionObserverCallback) {
          this.callback = callback;
          observers.push(this);
        }
        observe(target: Element) {
          this.target = target;
        }
        disconnect() {
          this.target = null;
        }
      },
    );
    stubApi({
      'GET /feed?sort=hot&limit=24': () =>
        jsonResponse({ items: [feedItem({ slug: 'first' })], next_cursor: 'c2' }),
      'GET /feed?sort=hot&limit=24&cursor=c2': () => page('second'),
    });
    renderRoutes(routes, '/vote');
    await screen.findByRole('link', { name: 'first' });

    const watching = observers.find((observer) => observer.target !== null);
    if (!watching?.target) throw new Error('nothing watches the end of the list');
    const entry = { isIntersecting: true, target: watching.target } as IntersectionObserverEntry;
    act(() => {
      watching.callback([entry], watching as unknown as IntersectionObserver);
    });

    expect(await screen.findByRole('link', { name: 'second' })).toBeInTheDocument();
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
