import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import {
  fakeApi,
  jsonResponse,
  problemResponse,
  testAccount,
  testSession,
  type FakeRoute,
} from '@/testing/http';
import { renderWithRouter } from '@/testing/render';
import type { Role } from '@/types/api';
import type { BrandSettings } from '../types';
import { BrandSettingsPage } from './brand-settings-page';

const settings: BrandSettings = {
  promotion: {
    min_ratings: 10,
    min_lower_bound: 3.5,
    min_would_buy: 3,
    min_account_age_days: 3,
    require_verified_email: true,
  },
  review_days: 14,
  holding_days: 14,
  min_payout: { amount_minor: 2000, currency: 'EUR' },
  payout_schedule: 'monthly',
  currency: 'EUR',
  vat_bps: 1000,
};

function showSettings(roles: Role[], routes: Record<string, FakeRoute> = {}) {
  apiClient.session.setSession(testSession('t', testAccount({ roles })));
  const api = fakeApi({ 'GET /brand/settings': () => jsonResponse(settings), ...routes });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderWithRouter(<BrandSettingsPage />, '/brand/settings');
  return { ...view, api };
}

beforeEach(() => {
  apiClient.session.clear();
});

describe('the brand’s settings', () => {
  it('are read-only for curators and community managers', async () => {
    showSettings(['curator']);

    const view = await screen.findByTestId('settings-view');
    expect(view).toHaveTextContent('Ratings needed10');
    expect(view).toHaveTextContent('Cautious average needed3.50');
    expect(view).toHaveTextContent('Smallest payout€20.00');
    expect(view).toHaveTextContent('PayoutsEvery month');
    expect(view).toHaveTextContent('VAT (%)10%');
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByText(/Only administrators change them/)).toBeVisible();
  });

  it('are changed by an administrator, the whole set at once', async () => {
    const { api } = showSettings(['admin'], {
      'PUT /brand/settings': ({ body }) => jsonResponse(body),
    });
    const user = userEvent.setup();

    const form = await screen.findByRole('form', { name: 'Settings' });
    const days = within(form).getByRole('textbox', { name: 'Days the brand takes to answer' });
    await user.clear(days);
    await user.type(days, '10');
    const wouldBuy = within(form).getByRole('textbox', { name: '“Would buy” needed' });
    await user.clear(wouldBuy);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Payouts' }), 'Every week');
    await user.click(within(form).getByRole('button', { name: 'Save the settings' }));

    expect(await within(form).findByTestId('settings-saved')).toHaveTextContent('Settings saved.');
    expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      ...settings,
      promotion: { ...settings.promotion, min_would_buy: null },
      review_days: 10,
      payout_schedule: 'weekly',
    });
  });

  it('shows what does not read, and the server’s errors, beside their fields', async () => {
    showSettings(['admin'], {
      'PUT /brand/settings': () =>
        problemResponse({
          type: 'about:blank',
          title: 'Validation failed',
          status: 422,
          code: 'validation_failed',
          errors: [
            {
              field: 'promotion.min_ratings',
              code: 'out_of_range',
              message: 'must be at most 1000',
            },
          ],
        }),
    });
    const user = userEvent.setup();

    const form = await screen.findByRole('form', { name: 'Settings' });
    const payout = within(form).getByRole('textbox', { name: 'Smallest payout (€)' });
    await user.clear(payout);
    await user.type(payout, '20.005');
    await user.click(within(form).getByRole('button', { name: 'Save the settings' }));
    expect(within(form).getByTestId('field-error-min_payout')).toHaveTextContent(
      'Use at most two decimals',
    );
    expect(payout).toHaveFocus();

    await user.clear(payout);
    await user.type(payout, '25');
    await user.click(within(form).getByRole('button', { name: 'Save the settings' }));
    await waitFor(() => {
      expect(within(form).getByTestId('field-error-min_ratings')).toHaveTextContent(
        'must be at most 1000',
      );
    });
  });
});
