import { screen, waitFor, within } from '@testing-library/react';
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
import type { Terms } from '@/types/listings';
import { draftDesign, publicDesign } from '../testing/fixtures';
import type { Listing, PublicDesign, Review } from '../types';
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

/** The design's page on a fake API; `pages` are the answers to successive loads of it. */
function showDesign(pages: PublicDesign[], routes_: Record<string, FakeRoute> = {}) {
  let loads = 0;
  const first = pages[0] ?? publicDesign();
  const api = fakeApi({
    [`GET /designs/by-slug/${first.slug ?? ''}`]: () => {
      const page = pages[Math.min(loads, pages.length - 1)] ?? first;
      loads += 1;
      return jsonResponse(page);
    },
    [`POST /designs/${first.id}/views`]: () => new Response(null, { status: 204 }),
    [`GET /designs/${first.id}/comments?limit=20`]: () =>
      jsonResponse({ items: [], next_cursor: null }),
    ...routes_,
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderRoutes(routes, `/d/${first.slug ?? ''}`);
  return { ...view, api };
}

const ADA = '01937b2e-0000-7000-8000-000000000001';
const DAY = 86_400_000;

function review(overrides: Partial<Review> = {}): Review {
  return {
    state: 'waiting',
    entered_at: Date.UTC(2026, 10, 20),
    due_at: Date.now() + 10 * DAY,
    overdue: false,
    decided_at: null,
    reason: null,
    decided_by: null,
    ...overrides,
  };
}

const eur = (amount_minor: number) => ({ amount_minor, currency: 'EUR' });

function terms(overrides: Partial<Terms> = {}): Terms {
  return {
    id: 'terms-1',
    effective_from: Date.UTC(2026, 11, 1),
    price: eur(1250),
    royalty_bps: 500,
    royalty_fixed: eur(25),
    ...overrides,
  };
}

function offered(overrides: Partial<Listing> = {}): Listing {
  return {
    id: 'l-1',
    state: 'offered',
    starts_at: Date.UTC(2026, 11, 1, 12),
    price: eur(1250),
    reason: null,
    terms: terms(),
    upcoming_terms: [],
    acceptances: [
      { account_id: ADA, display_name: 'Ada', share_bps: 7000, accepted_at: null },
      { account_id: 'acc-hugo', display_name: 'Hugo', share_bps: 3000, accepted_at: 1 },
    ],
    my_acceptance_needed: true,
    ...overrides,
  };
}

/** Ada made it and is signed in. */
function signInAsCreator() {
  apiClient.session.setSession(testSession('t', testAccount({ id: ADA })));
}

beforeEach(() => {
  apiClient.session.clear();
});

describe('the brand’s review on a design’s page', () => {
  it('says by when the brand answers, and flags it when late', async () => {
    const due = Date.UTC(2026, 11, 7, 12);
    showDesign([
      publicDesign({
        status: 'shortlisted',
        review: review({ state: 'in_review', due_at: due, overdue: true }),
      }),
    ]);

    const panel = await screen.findByTestId('review');
    expect(within(panel).getByRole('heading', { name: 'The brand’s review' })).toBeVisible();
    expect(within(panel).getByTestId('review-state')).toHaveTextContent('Being reviewed');
    expect(within(panel).getByTestId('review-overdue')).toHaveTextContent('Overdue');
    expect(within(panel).getByTestId('review-deadline')).toHaveTextContent(
      'The brand answers by Dec 7, 2026. The answer is late.',
    );
    expect(screen.getByTestId('design-status')).toHaveTextContent('Shortlisted');
  });

  it('shows the decision in public, with its reason, who decided and when', async () => {
    showDesign([
      publicDesign({
        status: 'changes_requested',
        review: review({
          state: 'changes_requested',
          decided_at: Date.UTC(2026, 10, 25, 12),
          reason: 'Lovely, but the sauce makes it too hard to eat by hand.',
          decided_by: { id: 'acc-camille', display_name: 'Camille (curator)' },
        }),
      }),
    ]);

    const panel = await screen.findByTestId('review');
    expect(within(panel).getByTestId('review-state')).toHaveTextContent('Changes requested');
    expect(within(panel).queryByTestId('review-deadline')).not.toBeInTheDocument();
    expect(within(panel).getByTestId('review-reason')).toHaveTextContent(
      'Lovely, but the sauce makes it too hard to eat by hand.',
    );
    expect(within(panel).getByTestId('review-decided')).toHaveTextContent(
      'Decided by Camille (curator) on Nov 25, 2026.',
    );
    expect(screen.getByTestId('design-status')).toHaveTextContent('Changes requested');
    // A visitor cannot start a new version.
    expect(screen.queryByRole('button', { name: 'Make a new version' })).not.toBeInTheDocument();
  });

  it('links the versions around a request for changes', async () => {
    showDesign([
      publicDesign({
        status: 'shortlisted',
        revision_of: { id: 'd-0', slug: 'smoky-ada-v1', name: 'Smoky Ada (first)', url: null },
        revised_by: { id: 'd-2', slug: 'smoky-ada-v3', name: 'Smoky Ada III', url: null },
      }),
    ]);

    expect(await screen.findByTestId('revision-of')).toHaveTextContent(
      'New version of Smoky Ada (first)',
    );
    expect(screen.getByRole('link', { name: 'Smoky Ada (first)' })).toHaveAttribute(
      'href',
      '/d/smoky-ada-v1',
    );
    expect(screen.getByRole('link', { name: 'Smoky Ada III' })).toHaveAttribute(
      'href',
      '/d/smoky-ada-v3',
    );
  });

  it('lets the creator make a new version and opens it in the studio', async () => {
    signInAsCreator();
    const { api, router } = showDesign(
      [
        publicDesign({
          status: 'changes_requested',
          review: review({
            state: 'changes_requested',
            decided_at: Date.UTC(2026, 10, 25),
            reason: 'Less sauce, please: it drips.',
          }),
        }),
      ],
      {
        'POST /designs/d-1/revision': () =>
          jsonResponse(draftDesign({ id: 'd-9', name: 'Smoky Ada' }), 201),
      },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Make a new version' }));

    expect(await screen.findByRole('heading', { name: 'Studio' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/design/d-9/edit');
    expect(api.requests.filter((r) => r.path === '/designs/d-1/revision')).toHaveLength(1);
  });

  it('says which version exists already when the server refuses a second one', async () => {
    signInAsCreator();
    showDesign(
      [
        publicDesign({
          status: 'changes_requested',
          review: review({ state: 'changes_requested', decided_at: 1, reason: 'Less sauce.' }),
        }),
      ],
      {
        'POST /designs/d-1/revision': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'already_revised',
            detail: 'A new version already exists: Smoky Ada II.',
          }),
      },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Make a new version' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A new version already exists: Smoky Ada II.',
    );
  });

  it('tells the creators why the brand hid their design, and stops the rating', async () => {
    signInAsCreator();
    showDesign([
      publicDesign({
        hidden: { at: Date.UTC(2026, 10, 26, 12), reason: 'The name insults someone.' },
      }),
    ]);

    expect(await screen.findByTestId('hidden-notice')).toHaveTextContent(
      'The brand hid this design on Nov 26, 2026. Its reason: “The name insults someone.”',
    );
    expect(screen.queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument();
  });
});

describe('the brand’s offer, for the design’s creators', () => {
  it('shows the menu’s price and date to everyone, and the terms to no one else', async () => {
    showDesign([
      publicDesign({
        status: 'listed',
        listing: {
          ...offered({ state: 'scheduled', my_acceptance_needed: false }),
          terms: null,
          acceptances: null,
        },
      }),
    ]);

    const panel = await screen.findByTestId('listing');
    expect(within(panel).getByTestId('listing-state')).toHaveTextContent('Scheduled');
    expect(within(panel).getByTestId('listing-summary')).toHaveTextContent(
      'On the menu from Dec 1, 2026, at €12.50.',
    );
    expect(within(panel).queryByTestId('listing-terms')).not.toBeInTheDocument();
  });

  it('puts the terms in plain words with the creator’s share and who accepted', async () => {
    signInAsCreator();
    showDesign([publicDesign({ status: 'approved', listing: offered() })]);

    const terms_ = await screen.findByTestId('listing-terms');
    expect(within(terms_).getByTestId('royalty-words')).toHaveTextContent(
      '5% of net line revenue + €0.25 per burger sold, on a price of €12.50.',
    );
    expect(within(terms_).getByTestId('my-share')).toHaveTextContent(
      'Your share: 70% of these royalties.',
    );
    const answers = within(terms_).getByTestId('acceptances');
    expect(answers).toHaveTextContent('Ada (70%) Not answered yet');
    expect(answers).toHaveTextContent('Hugo (30%) Accepted on');
  });

  it('accepts the very terms the creator read', async () => {
    signInAsCreator();
    const accepted = publicDesign({
      status: 'approved',
      listing: offered({
        my_acceptance_needed: false,
        acceptances: [
          {
            account_id: ADA,
            display_name: 'Ada',
            share_bps: 7000,
            accepted_at: Date.UTC(2026, 10, 27, 9, 30),
          },
        ],
      }),
    });
    const { api } = showDesign(
      [publicDesign({ status: 'approved', listing: offered() }), accepted],
      {
        'POST /designs/d-1/offer/accept': () => jsonResponse(accepted),
      },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Accept the terms' }));

    expect(await screen.findByTestId('my-acceptance')).toHaveTextContent(
      'You accepted these terms on',
    );
    expect(api.requests.find((r) => r.path === '/designs/d-1/offer/accept')?.body).toEqual({
      terms_id: 'terms-1',
    });
    expect(screen.queryByRole('button', { name: 'Accept the terms' })).not.toBeInTheDocument();
  });

  it('reloads the terms when they changed meanwhile, and says so', async () => {
    signInAsCreator();
    const changed = publicDesign({
      status: 'approved',
      listing: offered({ terms: terms({ id: 'terms-2', royalty_bps: 800, royalty_fixed: null }) }),
    });
    const { api } = showDesign(
      [publicDesign({ status: 'approved', listing: offered() }), changed],
      {
        'POST /designs/d-1/offer/accept': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'terms_changed',
          }),
      },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Accept the terms' }));

    expect(await screen.findByTestId('offer-error')).toHaveTextContent(
      'The terms changed while you were reading them.',
    );
    expect(screen.getByTestId('royalty-words')).toHaveTextContent('8% of net line revenue, on');
    // Accepting again sends the new terms.
    await user.click(screen.getByRole('button', { name: 'Accept the terms' }));
    await waitFor(() => {
      expect(
        api.requests.filter((r) => r.path === '/designs/d-1/offer/accept').map((r) => r.body),
      ).toEqual([{ terms_id: 'terms-1' }, { terms_id: 'terms-2' }]);
    });
  });

  it('asks why before declining, and sends the reason', async () => {
    signInAsCreator();
    const declined = publicDesign({
      status: 'approved',
      listing: offered({
        state: 'declined',
        my_acceptance_needed: false,
        reason: 'I would rather keep it a community favourite.',
      }),
    });
    const { api } = showDesign(
      [publicDesign({ status: 'approved', listing: offered() }), declined],
      {
        'POST /designs/d-1/offer/decline': () => jsonResponse(declined),
      },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Decline' }));
    const dialog = screen.getByRole('dialog', { name: 'Decline the brand’s offer' });
    const reason = within(dialog).getByRole('textbox', { name: 'Why do you decline?' });
    expect(reason).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Decline the offer' }));
    expect(within(dialog).getByText('This field is required.')).toBeVisible();
    expect(api.requests.some((r) => r.path === '/designs/d-1/offer/decline')).toBe(false);

    await user.type(reason, 'I would rather keep it a community favourite.');
    await user.click(within(dialog).getByRole('button', { name: 'Decline the offer' }));

    expect(await screen.findByTestId('listing-reason')).toHaveTextContent(
      'Why: I would rather keep it a community favourite.',
    );
    expect(screen.getByTestId('listing-state')).toHaveTextContent('Declined');
    expect(api.requests.find((r) => r.path === '/designs/d-1/offer/decline')?.body).toEqual({
      reason: 'I would rather keep it a community favourite.',
    });
  });
});
