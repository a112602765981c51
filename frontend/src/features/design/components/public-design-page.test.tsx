import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import {
  type FakeRoute,
  fakeApi,
  jsonResponse,
  problemResponse,
  testAccount,
  testSession,
} from '@/testing/http';
import { renderRoutes } from '@/testing/render';
import { draftDesign, publicDesign, ratingSummary } from '../testing/fixtures';
import type { PublicDesign } from '../types';
import { PublicDesignPage } from './public-design-page';

const routes = [
  {
    element: <Outlet />,
    children: [
      { path: 'd/:slug', element: <PublicDesignPage /> },
      { path: 'design/:id/edit', element: <h1>Studio</h1> },
    ],
  },
];

function showDesign(design: PublicDesign, routes_: Record<string, FakeRoute> = {}) {
  const api = fakeApi({
    [`GET /designs/by-slug/${design.slug ?? ''}`]: () => jsonResponse(design),
    [`POST /designs/${design.id}/views`]: () => new Response(null, { status: 204 }),
    [`GET /designs/${design.id}/comments?limit=20`]: () =>
      jsonResponse({ items: [], next_cursor: null }),
    [`POST /designs/${design.id}/remix`]: () =>
      jsonResponse(draftDesign({ id: 'd-remix', remix_of: null }), 201),
    ...routes_,
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderRoutes(routes, `/d/${design.slug ?? ''}`);
  return { ...view, api };
}

beforeEach(() => {
  apiClient.session.clear();
});

describe('a published design’s page', () => {
  it('shows a story with markup in it as the text it is', async () => {
    const story = 'Inspired by <script>alert("boo")</script> and <b>bold</b> ideas.\nSecond line.';
    const { container } = showDesign(publicDesign({ story }));

    const shown = await screen.findByTestId('design-story');
    expect(shown.textContent).toBe(story);
    expect(shown).toHaveClass('story'); // white-space: pre-line keeps the line breaks
    expect(container.querySelector('script')).toBeNull();
    expect(shown.querySelector('b')).toBeNull();
  });

  it('shows the picture bottom-up, what is in it, its price and its allergens', async () => {
    showDesign(publicDesign());

    expect(await screen.findByRole('heading', { level: 1, name: 'Smoky Ada' })).toBeInTheDocument();
    const layers = [...screen.getByTestId('design-picture').querySelectorAll('img')].map((img) =>
      decodeURIComponent(img.getAttribute('src') ?? ''),
    );
    expect(layers.map((src) => /id="(\w+)"/.exec(src)?.[1])).toEqual(['base', 'bun', 'bbq']);
    expect(screen.getByTestId('chosen')).toHaveTextContent('Brioche bun');
    expect(screen.getByTestId('chosen')).toHaveTextContent('2 × Barbecue');
    expect(screen.getByTestId('design-price')).toHaveTextContent('€8.60');
    expect(screen.getByTestId('allergens')).toHaveTextContent('Contains: Gluten, Eggs, Milk');
    expect(screen.getByRole('link', { name: 'Sign in to remix' })).toHaveAttribute(
      'href',
      `/signin?next=${encodeURIComponent('/d/smoky-ada')}`,
    );
  });

  it('credits the co-creators who accepted, with the agreed split', async () => {
    showDesign(
      publicDesign({
        split: {
          creator_share_bps: 5000,
          agreed: true,
          co_creators: [
            { account_id: 'a-1', display_name: 'Hugo', share_bps: 3000, status: 'accepted' },
            { account_id: 'a-2', display_name: 'Inès', share_bps: 2000, status: 'accepted' },
          ],
        },
      }),
    );
    const credit = await screen.findByTestId('co-creators');
    expect(credit).toHaveTextContent('made with Hugo, Inès');
    expect(credit).toHaveTextContent('royalties shared Ada 50%, Hugo 30%, Inès 20%');
  });

  it('credits the design it remixes and lists the family', async () => {
    showDesign(
      publicDesign({
        remix_of: { id: 'd-0', slug: 'classic', name: 'The Classic', creator_name: 'Grace' },
        ancestry: [
          { slug: 'classic', name: 'The Classic', creator_name: 'Grace' },
          { slug: 'origin', name: 'Origin', creator_name: 'Linus' },
        ],
        remixes: [{ slug: 'hotter', name: 'Hotter', creator_name: 'Bob' }],
      }),
    );

    expect(await screen.findByTestId('remix-credit')).toHaveTextContent(
      'Remix of The Classic by Grace',
    );
    expect(screen.getAllByRole('link', { name: 'The Classic' })[0]).toHaveAttribute(
      'href',
      '/d/classic',
    );
    expect(screen.getByTestId('ancestry')).toHaveTextContent(/The Classic.*Origin/);
    expect(screen.getByRole('link', { name: 'Hotter' })).toHaveAttribute('href', '/d/hotter');
  });

  it('copies its link and offers X, Facebook and WhatsApp in a new tab', async () => {
    const user = userEvent.setup(); // before the clipboard: user-event brings its own
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    showDesign(publicDesign());

    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    // Shared links say so: the server counts a share when it serves `?via=share`.
    const url = `${window.location.origin}/d/smoky-ada?via=share`;
    expect(writeText).toHaveBeenCalledWith(url);
    expect(screen.getByTestId('copy-status')).toHaveTextContent('Link copied.');

    const x = screen.getByTestId('share-x');
    expect(x).toHaveAttribute(
      'href',
      `https://twitter.com/intent/tweet?url=${encodeURIComponent(url)}&text=Smoky%20Ada`,
    );
    expect(screen.getByTestId('share-facebook')).toHaveAttribute(
      'href',
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
    );
    expect(screen.getByTestId('share-whatsapp').getAttribute('href')).toMatch(
      /^https:\/\/wa\.me\/\?text=Smoky%20Ada%20http/,
    );
    for (const link of [
      x,
      screen.getByTestId('share-facebook'),
      screen.getByTestId('share-whatsapp'),
    ]) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
  });

  it('lets a signed-in visitor remix it into a draft of their own', async () => {
    apiClient.session.setSession(testSession('t', testAccount({ id: 'someone-else' })));
    const user = userEvent.setup();
    const { router, api } = showDesign(publicDesign());

    await user.click(await screen.findByRole('button', { name: 'Remix' }));

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/design/d-remix/edit');
    });
    expect(api.requests.at(-1)?.path).toBe('/designs/d-1/remix');
    expect(screen.queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument();
  });

  it('offers its owner to withdraw it, and says so once it is withdrawn', async () => {
    apiClient.session.setSession(testSession());
    showDesign(publicDesign());
    expect(await screen.findByRole('button', { name: 'Withdraw' })).toBeInTheDocument();
    expect(screen.queryByTestId('withdrawn-notice')).not.toBeInTheDocument();
  });

  it('tells visitors that a withdrawn design is withdrawn', async () => {
    showDesign(publicDesign({ status: 'withdrawn' }));
    expect(await screen.findByTestId('withdrawn-notice')).toHaveTextContent('withdrawn');
    expect(screen.queryByRole('link', { name: 'Sign in to remix' })).not.toBeInTheDocument();
  });
});

describe('rating a published design', () => {
  const rated = () => publicDesign({ ratings: ratingSummary([1, 0, 2, 3, 6], 5) });

  it('sends the stars chosen and shows the count the server answers', async () => {
    apiClient.session.setSession(testSession('t', testAccount({ id: 'someone-else' })));
    const user = userEvent.setup();
    const { api } = showDesign(rated(), {
      'PUT /designs/d-1/rating': () =>
        jsonResponse({
          stars: 4,
          would_buy: false,
          counted: true,
          not_counted_because: null,
          design: ratingSummary([1, 0, 2, 4, 6], 5),
          status: 'published',
        }),
    });

    expect(await screen.findByTestId('rating-count')).toHaveTextContent('12 ratings');
    expect(screen.getByTestId('histogram')).toHaveTextContent('5 stars: 6');
    const four = screen.getByRole('radio', { name: '4 stars' });
    expect(screen.getByRole('radiogroup', { name: 'Your rating' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'I’d buy this' })).not.toBeChecked();

    await user.click(four);

    await waitFor(() => {
      expect(screen.getByTestId('rating-count')).toHaveTextContent('13 ratings');
    });
    const put = api.requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe('/designs/d-1/rating');
    expect(put?.body).toEqual({ stars: 4, would_buy: false });
    expect(put?.headers.get('Authorization')).toBe('Bearer t');
    expect(four).toBeChecked();
    expect(screen.getByTestId('histogram')).toHaveTextContent('4 stars: 4');
    expect(screen.getByRole('button', { name: 'Remove my rating' })).toBeInTheDocument();
  });

  it('shows the visitor’s rating, and puts it back with a clear message if refused', async () => {
    apiClient.session.setSession(testSession('t', testAccount({ id: 'someone-else' })));
    const user = userEvent.setup();
    showDesign(publicDesign({ ...rated(), my_rating: { stars: 2, would_buy: true } }), {
      'PUT /designs/d-1/rating': () =>
        problemResponse({
          type: 'about:blank',
          title: 'Not rateable',
          status: 409,
          code: 'not_rateable',
        }),
    });

    expect(await screen.findByRole('radio', { name: '2 stars' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'I’d buy this' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: '5 stars' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('can no longer be rated');
    expect(screen.getByRole('radio', { name: '2 stars' })).toBeChecked();
  });

  it('asks a signed-out visitor to sign in to rate', async () => {
    showDesign(rated());
    expect(await screen.findByRole('link', { name: 'Sign in to rate' })).toHaveAttribute(
      'href',
      `/signin?next=${encodeURIComponent('/d/smoky-ada')}`,
    );
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.getByTestId('rating-average')).toHaveTextContent('4.1 ★ (12)');
  });

  it('shows its creator the ratings without a way to rate it', async () => {
    apiClient.session.setSession(testSession());
    showDesign(rated());
    expect(await screen.findByTestId('histogram')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sign in to rate' })).not.toBeInTheDocument();
  });
});
