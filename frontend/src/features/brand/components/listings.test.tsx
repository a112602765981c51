import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { addLocalDays, dateTimeInputValue, localDateTimeMs } from '@/lib/dates';
import {
  fakeApi,
  jsonResponse,
  problemResponse,
  testAccount,
  testSession,
  type FakeRoute,
} from '@/testing/http';
import { renderWithRouter } from '@/testing/render';
import { brandListing, eur, terms } from '../testing/fixtures';
import type { BrandListing } from '../types';
import { ListingsPage } from './listings-page';

const ALL = 'GET /brand/listings?limit=20';

function showListings(
  listings: BrandListing[],
  routes: Record<string, FakeRoute> = {},
  path = '/brand/listings',
) {
  const api = fakeApi({
    [ALL]: () => jsonResponse({ items: listings, next_cursor: null }),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderWithRouter(<ListingsPage />, path);
  return { ...view, api };
}

beforeEach(() => {
  apiClient.session.setSession(testSession('t', testAccount({ roles: ['curator'] })));
});

describe('the brand’s listings', () => {
  it('shows the terms in force, their history and the creators’ answers', async () => {
    const later = terms({
      id: 'terms-2',
      effective_from: Date.now() + 10 * 86_400_000,
      price: eur(1350),
      royalty_bps: 600,
    });
    showListings([brandListing({ history: [terms(), later] })]);

    const card = await screen.findByTestId('listing-item');
    expect(within(card).getByRole('link', { name: 'Smoky Ada' })).toHaveAttribute(
      'href',
      '/d/smoky-ada',
    );
    expect(within(card).getByTestId('listing-state')).toHaveTextContent('On the menu');
    expect(within(card).getByTestId('listing-royalty')).toHaveTextContent(
      '5% of net line revenue + €0.25 per burger sold',
    );
    const history = within(card).getByTestId('terms-history');
    expect(history.children).toHaveLength(2);
    expect(history.children[0]).toHaveTextContent('€12.50, 5% of net line revenue');
    expect(history.children[0]).toHaveTextContent('In force');
    expect(history.children[1]).toHaveTextContent('€13.50, 6% of net line revenue');
    expect(history.children[1]).toHaveTextContent('Scheduled');
    expect(within(card).getByTestId('listing-acceptances')).toHaveTextContent(
      /Ada \(70%\) Accepted on .*Ben \(30%\) Accepted on/,
    );
  });

  it('narrows the list to one state through the address', async () => {
    const { api, router } = showListings([], {
      'GET /brand/listings?limit=20&state=paused': () =>
        jsonResponse({
          items: [brandListing({ state: 'paused', reason: 'Out of brioche' })],
          next_cursor: null,
        }),
    });
    const user = userEvent.setup();

    expect(await screen.findByTestId('listings-empty')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Paused');

    expect(await screen.findByTestId('listing-reason')).toHaveTextContent('Why: Out of brioche');
    expect(router.state.location.search).toBe('?state=paused');
    expect(api.requests.map((r) => r.path)).toContain('/brand/listings?limit=20&state=paused');
  });

  it('pauses with a reason, and resumes', async () => {
    let state: BrandListing['state'] = 'live';
    const { api } = showListings([brandListing()], {
      'POST /brand/listings/l-1/pause': () => {
        state = 'paused';
        return jsonResponse(brandListing({ state, reason: 'Out of brioche' }));
      },
      'POST /brand/listings/l-1/resume': () => {
        state = 'live';
        return jsonResponse(brandListing({ state }));
      },
      [ALL]: () => jsonResponse({ items: [brandListing({ state })], next_cursor: null }),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Pause Smoky Ada' }));
    const dialog = screen.getByRole('dialog', { name: 'Take Smoky Ada off the menu for now' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Out of brioche');
    await user.click(within(dialog).getByRole('button', { name: 'Pause the listing' }));

    expect(await screen.findByTestId('listing-news')).toHaveTextContent('Smoky Ada is paused.');
    expect(api.requests.find((r) => r.path === '/brand/listings/l-1/pause')?.body).toEqual({
      reason: 'Out of brioche',
    });
    await user.click(await screen.findByRole('button', { name: 'Resume Smoky Ada' }));
    expect(await screen.findByText('Smoky Ada is back.')).toBeVisible();
    expect(await screen.findByRole('button', { name: 'Pause Smoky Ada' })).toBeVisible();
  });

  it('retires only with a reason and a clear warning, and shows a refused move', async () => {
    const { api } = showListings([brandListing()], {
      'POST /brand/listings/l-1/retire': () =>
        problemResponse({
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'invalid_transition',
          detail: 'The listing is already retired.',
        }),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Retire Smoky Ada' }));
    const dialog = screen.getByRole('dialog', { name: 'Retire Smoky Ada for good?' });
    expect(dialog).toHaveTextContent('This is final');
    await user.click(within(dialog).getByRole('button', { name: 'Retire for good' }));
    expect(within(dialog).getByText('This field is required.')).toBeVisible();
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Season is over');
    await user.click(within(dialog).getByRole('button', { name: 'Retire for good' }));
    expect(await within(dialog).findByTestId('form-error')).toHaveTextContent(
      'The listing is already retired.',
    );
  });

  it('schedules new terms, with the server’s field errors beside their fields', async () => {
    let attempts = 0;
    const { api } = showListings([brandListing()], {
      'POST /brand/listings/l-1/terms': () => {
        attempts += 1;
        return attempts === 1
          ? problemResponse({
              type: 'about:blank',
              title: 'Validation failed',
              status: 422,
              code: 'validation_failed',
              errors: [
                { field: 'effective_from', code: 'in_the_past', message: 'must be in the future' },
                {
                  field: 'price.amount_minor',
                  code: 'out_of_range',
                  message: 'must be at least 1',
                },
              ],
            })
          : jsonResponse(brandListing(), 201);
      },
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Change the terms of Smoky Ada' }));
    const form = screen.getByRole('form', { name: 'New terms for Smoky Ada' });
    // It starts from the terms in force.
    expect(within(form).getByRole('textbox', { name: 'Menu price (€)' })).toHaveValue('12.50');
    expect(within(form).getByRole('textbox', { name: /share of net line revenue/ })).toHaveValue(
      '5',
    );
    expect(within(form).getByRole('textbox', { name: 'Royalty per burger sold (€)' })).toHaveValue(
      '0.25',
    );
    const percent = within(form).getByRole('textbox', { name: /share of net line revenue/ });
    await user.clear(percent);
    await user.type(percent, '4');
    await user.click(within(form).getByRole('button', { name: 'Schedule the new terms' }));
    expect(within(form).getByTestId('field-error-royalty_percent')).toHaveTextContent(
      'A royalty cannot go down',
    );

    await user.clear(percent);
    await user.type(percent, '6');
    const when = dateTimeInputValue(addLocalDays(Date.now(), 3));
    const from = within(form).getByLabelText('From');
    await user.clear(from);
    await user.type(from, when);
    await user.click(within(form).getByRole('button', { name: 'Schedule the new terms' }));

    expect(await within(form).findByTestId('field-error-effective_from')).toHaveTextContent(
      'must be in the future',
    );
    expect(within(form).getByTestId('field-error-price')).toHaveTextContent('must be at least 1');
    expect(api.requests.find((r) => r.path === '/brand/listings/l-1/terms')?.body).toEqual({
      price: { amount_minor: 1250, currency: 'EUR' },
      royalty_bps: 600,
      royalty_fixed: { amount_minor: 25, currency: 'EUR' },
      effective_from: localDateTimeMs(when),
    });

    await user.click(within(form).getByRole('button', { name: 'Schedule the new terms' }));
    expect(await screen.findByTestId('listing-news')).toHaveTextContent('New terms from');
    await waitFor(() => {
      expect(screen.queryByRole('form')).not.toBeInTheDocument();
    });
  });

  it('offers nothing to do with a declined offer but to read why', async () => {
    showListings([brandListing({ state: 'declined', reason: 'We prefer to keep it ours.' })]);

    const card = await screen.findByTestId('listing-item');
    expect(within(card).getByTestId('listing-reason')).toHaveTextContent(
      'We prefer to keep it ours.',
    );
    expect(within(card).queryByRole('button')).toBeNull();
  });
});
