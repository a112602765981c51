import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { addLocalDays, dateInputValue, localMidnightMs } from '@/lib/dates';
import {
  fakeApi,
  jsonResponse,
  problemResponse,
  testAccount,
  testSession,
  type FakeRoute,
} from '@/testing/http';
import { nth } from '@/testing/lists';
import { renderWithRouter } from '@/testing/render';
import { DAY, HOUR, reviewDesign, reviewItem } from '../testing/fixtures';
import type { ReviewItem } from '../types';
import { ReviewQueuePage } from './review-queue-page';

const OPEN = 'GET /brand/reviews?state=open&limit=20';
const DECIDED = 'GET /brand/reviews?state=decided&limit=20';

function showQueue(
  items: ReviewItem[],
  routes: Record<string, FakeRoute> = {},
  path = '/brand/reviews',
) {
  const api = fakeApi({
    [OPEN]: () => jsonResponse({ items, next_cursor: null }),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderWithRouter(<ReviewQueuePage />, path);
  return { ...view, api };
}

const conflict = (code: string, detail: string) =>
  problemResponse({ type: 'about:blank', title: 'Conflict', status: 409, code, detail });

beforeEach(() => {
  apiClient.session.setSession(
    testSession(
      't',
      testAccount({ id: 'acc-camille', display_name: 'Camille', roles: ['curator'] }),
    ),
  );
});

describe('the review queue', () => {
  it('shows what the community and the kitchen make of each design', async () => {
    showQueue([
      reviewItem({
        design: reviewDesign({
          remix_of: { id: 'd-0', slug: 'classic', name: 'The Classic', creator_name: 'Grace' },
          revision_of: { id: 'd-00', slug: 'smoky-ada-1', name: 'Smoky Ada (first)', url: null },
        }),
      }),
    ]);

    const card = await screen.findByTestId('review-item');
    expect(within(card).getByRole('heading', { name: 'Smoky Ada' })).toBeVisible();
    expect(within(card).getByRole('link', { name: 'Smoky Ada' })).toHaveAttribute(
      'href',
      '/d/smoky-ada',
    );
    expect(within(card).getByRole('img', { name: 'Picture of Smoky Ada' })).toHaveAttribute(
      'src',
      '/d/smoky-ada/preview.png',
    );
    // Co-creators who accepted their share are credited; an invitation is not.
    expect(within(card).getByTestId('review-creators')).toHaveTextContent(
      'by Ada and Ben · Burger',
    );
    expect(within(card).getByTestId('review-lineage')).toHaveTextContent(
      'Remix of The Classic by Grace',
    );
    expect(within(card).getByTestId('review-lineage')).toHaveTextContent(
      'New version of Smoky Ada (first)',
    );
    const facts = within(card).getByTestId('review-facts');
    expect(facts).toHaveTextContent('Cautious average3.91');
    expect(facts).toHaveTextContent('Would buy17');
    expect(facts).toHaveTextContent('Margin€7.70');
    expect(facts).toHaveTextContent('Preparation5 min 30 sec');
    expect(facts).toHaveTextContent('Comments4');
    expect(facts).toHaveTextContent('Open reports1');
    expect(
      within(card).getByRole('list', { name: 'Ratings of Smoky Ada by number of stars' }),
    ).toHaveTextContent('5 stars: 25');
  });

  it('flags what is due soon and what is overdue', async () => {
    showQueue([
      reviewItem({ due_at: Date.now() + DAY, due_soon: true }),
      reviewItem({
        design: reviewDesign({ id: 'd-2', slug: 'late', name: 'Late' }),
        due_at: Date.now() - HOUR,
        overdue: true,
      }),
      reviewItem({ design: reviewDesign({ id: 'd-3', slug: 'calm', name: 'Calm' }) }),
    ]);

    const cards = await screen.findAllByTestId('review-item');
    expect(within(nth(cards, 0)).getByTestId('review-due')).toHaveTextContent('Due soon');
    expect(within(nth(cards, 1)).getByTestId('review-due')).toHaveTextContent('Overdue');
    expect(within(nth(cards, 2)).getByTestId('review-due')).not.toHaveTextContent(
      /Due soon|Overdue/,
    );
  });

  it('claims a design, says it is held, and releases it', async () => {
    const expires = Date.now() + HOUR;
    const claimed = reviewItem({
      claim: {
        by: { id: 'acc-camille', display_name: 'Camille' },
        expires_at: expires,
        mine: true,
      },
    });
    const { api } = showQueue([reviewItem()], {
      'POST /brand/reviews/d-1/claim': () => jsonResponse(claimed),
      'DELETE /brand/reviews/d-1/claim': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Claim Smoky Ada' }));

    const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(expires);
    expect(await screen.findByTestId('claim-state')).toHaveTextContent(
      `Claimed by you until ${time}.`,
    );
    expect(screen.getByRole('button', { name: 'Keep Smoky Ada another hour' })).toBeVisible();

    api.requests.length = 0;
    await user.click(screen.getByRole('button', { name: 'Release Smoky Ada' }));
    await waitFor(() => {
      expect(api.requests.some((r) => r.method === 'DELETE')).toBe(true);
    });
  });

  it('says who holds a design another curator took, and the server’s words when claiming fails', async () => {
    showQueue(
      [
        reviewItem({
          claim: {
            by: { id: 'acc-lou', display_name: 'Lou' },
            expires_at: Date.now() + HOUR,
            mine: false,
          },
        }),
        reviewItem({ design: reviewDesign({ id: 'd-2', slug: 'free', name: 'Free' }) }),
      ],
      {
        'POST /brand/reviews/d-2/claim': () =>
          conflict('claimed', 'Lou is reviewing this design until 14:05.'),
      },
    );
    const user = userEvent.setup();

    const cards = await screen.findAllByTestId('review-item');
    expect(within(nth(cards, 0)).getByTestId('claim-state')).toHaveTextContent(
      'Taken by Lou until',
    );
    expect(within(nth(cards, 0)).queryByRole('button', { name: /Claim|Decide/ })).toBeNull();

    await user.click(within(nth(cards, 1)).getByRole('button', { name: 'Claim Free' }));
    expect(await within(nth(cards, 1)).findByRole('alert')).toHaveTextContent(
      'Lou is reviewing this design until 14:05.',
    );
  });

  it('approves with the terms of the offer and the first day on the menu', async () => {
    const { api } = showQueue([reviewItem()], {
      'POST /brand/reviews/d-1/decision': () =>
        jsonResponse(
          reviewItem({
            decision: { decision: 'approved', reason: null, decided_at: 1, decided_by: null },
          }),
        ),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Decide on Smoky Ada' }));
    const form = screen.getByRole('form', { name: 'Decision on Smoky Ada' });
    expect(within(form).getByRole('radio', { name: 'Approve for the menu' })).toBeChecked();
    const price = within(form).getByRole('textbox', { name: 'Menu price (€)' });
    expect(price).toHaveValue('11.90');
    await user.clear(price);
    await user.type(price, '12.50');
    await user.type(within(form).getByRole('textbox', { name: /share of net line revenue/ }), '5');
    await user.type(
      within(form).getByRole('textbox', { name: 'Royalty per burger sold (€)' }),
      '0.25',
    );
    expect(within(form).getByTestId('terms-preview')).toHaveTextContent(
      'The creators get: 5% of net line revenue + €0.25 per burger sold',
    );
    const startsOn = within(form).getByLabelText('On the menu from');
    await user.clear(startsOn);
    const day = dateInputValue(addLocalDays(Date.now(), 10));
    await user.type(startsOn, day);
    await user.click(within(form).getByRole('button', { name: 'Approve and make the offer' }));

    expect(await screen.findByTestId('decision-saved')).toHaveTextContent(
      'Smoky Ada is approved: its creators have the offer.',
    );
    expect(api.requests.find((r) => r.path === '/brand/reviews/d-1/decision')?.body).toEqual({
      decision: 'approved',
      terms: {
        price: { amount_minor: 1250, currency: 'EUR' },
        royalty_bps: 500,
        royalty_fixed: { amount_minor: 25, currency: 'EUR' },
        starts_at: localMidnightMs(day),
      },
    });
  });

  it('asks for a reason of ten characters before asking for changes', async () => {
    const { api } = showQueue([reviewItem()], {
      'POST /brand/reviews/d-1/decision': () => jsonResponse(reviewItem()),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Decide on Smoky Ada' }));
    const form = screen.getByRole('form', { name: 'Decision on Smoky Ada' });
    await user.click(within(form).getByRole('radio', { name: 'Ask for changes' }));
    expect(within(form).queryByRole('textbox', { name: 'Menu price (€)' })).toBeNull();
    const reason = within(form).getByRole('textbox', { name: 'Your reason, for the creators' });
    await user.type(reason, 'Too dry');
    await user.click(within(form).getByRole('button', { name: 'Ask for changes' }));

    expect(within(form).getByText('Write at least 10 characters.')).toBeVisible();
    expect(reason).toHaveFocus();
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(reason, ': add a sauce.');
    await user.click(within(form).getByRole('button', { name: 'Ask for changes' }));
    await waitFor(() => {
      expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
        decision: 'changes_requested',
        reason: 'Too dry: add a sauce.',
      });
    });
  });

  it('shows the server’s word when another curator decided first, and the field errors beside their fields', async () => {
    let answer = 0;
    showQueue([reviewItem()], {
      'POST /brand/reviews/d-1/decision': () => {
        answer += 1;
        return answer === 1
          ? problemResponse({
              type: 'about:blank',
              title: 'Validation failed',
              status: 422,
              code: 'validation_failed',
              errors: [
                {
                  field: 'terms.royalty_fixed.amount_minor',
                  code: 'too_large',
                  message: 'must be below the price',
                },
              ],
            })
          : conflict('already_decided', 'Lou approved this design a minute ago.');
      },
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Decide on Smoky Ada' }));
    const form = screen.getByRole('form', { name: 'Decision on Smoky Ada' });
    await user.type(within(form).getByRole('textbox', { name: /share of net line revenue/ }), '5');
    await user.click(within(form).getByRole('button', { name: 'Approve and make the offer' }));

    expect(await within(form).findByTestId('field-error-royalty_fixed')).toHaveTextContent(
      'must be below the price',
    );
    await user.click(within(form).getByRole('button', { name: 'Approve and make the offer' }));
    expect(await within(form).findByTestId('form-error')).toHaveTextContent(
      'Lou approved this design a minute ago.',
    );
  });

  it('lists the decisions with their reasons on the Decided tab', async () => {
    showQueue(
      [],
      {
        [DECIDED]: () =>
          jsonResponse({
            items: [
              reviewItem({
                decision: {
                  decision: 'rejected',
                  reason: 'Too close to our classic.',
                  decided_at: Date.UTC(2026, 10, 25, 10),
                  decided_by: { id: 'acc-lou', display_name: 'Lou' },
                },
              }),
            ],
            next_cursor: null,
          }),
      },
      '/brand/reviews?state=decided',
    );

    const decision = await screen.findByTestId('review-decision');
    expect(decision).toHaveTextContent('Rejected');
    expect(decision).toHaveTextContent('by Lou');
    expect(decision).toHaveTextContent('Too close to our classic.');
    expect(screen.getByRole('link', { name: 'Decided' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('button', { name: /Decide/ })).toBeNull();
  });

  it('says when there is nothing to review', async () => {
    showQueue([]);
    expect(await screen.findByTestId('reviews-empty')).toHaveTextContent('Nothing to review');
    expect(screen.getByRole('navigation', { name: 'Brand console' })).toBeInTheDocument();
  });
});
