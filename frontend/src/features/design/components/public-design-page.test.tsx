import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { fakeApi, jsonResponse, testAccount, testSession } from '@/testing/http';
import { renderRoutes } from '@/testing/render';
import { draftDesign, publicDesign } from '../testing/fixtures';
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

function showDesign(design: PublicDesign) {
  const api = fakeApi({
    [`GET /designs/by-slug/${design.slug ?? ''}`]: () => jsonResponse(design),
    [`POST /designs/${design.id}/remix`]: () =>
      jsonResponse(draftDesign({ id: 'd-remix', remix_of: null }), 201),
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
    const url = `${window.location.origin}/d/smoky-ada`;
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
