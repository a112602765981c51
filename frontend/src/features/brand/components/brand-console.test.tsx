import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import {
  deferred,
  fakeApi,
  jsonResponse,
  problemResponse,
  testAccount,
  testSession,
} from '@/testing/http';
import { renderWithRouter } from '@/testing/render';
import type { BrandOption, BrandTemplate } from '../types';
import { BrandConsolePage } from './brand-console-page';

const eur = (amount_minor: number) => ({ amount_minor, currency: 'EUR' });

function brandOption(id: string, name: string, price: number, cost: number): BrandOption {
  return {
    id,
    name: { en: name, fr: name },
    price_delta: eur(price),
    cost: eur(cost),
    prep_seconds: 30,
    nutrition: { kcal: 10, protein_mg: 0, carbohydrate_mg: 0, fat_mg: 0, salt_mg: 0 },
    allergens: [],
    dietary: [],
    layer_svg: '<svg/>',
    layer_z: 1,
    availability: 'active',
  };
}

const template: BrandTemplate = {
  id: 'tpl-burger',
  slug: 'burger',
  name: { en: 'Burger', fr: 'Burger' },
  description: { en: '', fr: '' },
  base_price: eur(800),
  base_cost: eur(250),
  base_prep_seconds: 120,
  base_layer_svg: '<svg/>',
  max_prep_seconds: 600,
  groups: [
    {
      id: 'g-sauce',
      name: { en: 'Sauces', fr: 'Sauces' },
      min_choices: 0,
      max_choices: 2,
      max_quantity: 3,
      options: [
        brandOption('o-bbq', 'Barbecue', 50, 12),
        brandOption('o-truffle', 'Truffle', 100, 140),
      ],
    },
  ],
};

beforeEach(() => {
  apiClient.session.setSession(testSession('t', testAccount({ roles: ['curator'] })));
});

describe('the brand console’s templates', () => {
  it('shows price, cost, margin and preparation of every option', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /templates': () => jsonResponse({ items: [template] }),
        'GET /brand/templates/tpl-burger': () => jsonResponse(template),
      }).fetch,
    );
    renderWithRouter(<BrandConsolePage />, '/brand?template=tpl-burger');

    const row = await screen.findByTestId('brand-option-o-truffle');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual(['+€1.00', '€1.40', '-€0.40', '30 sec']);
    expect(
      within(screen.getByTestId('brand-option-o-bbq')).getAllByRole('cell')[2],
    ).toHaveTextContent('+€0.38');
  });

  it('changes availability at once, and puts it back if the server refuses', async () => {
    const answer = deferred<Response>();
    const api = fakeApi({
      'GET /templates': () => jsonResponse({ items: [template] }),
      'GET /brand/templates/tpl-burger': () => jsonResponse(template),
      'PATCH /brand/options/o-bbq': () => answer.promise,
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderWithRouter(<BrandConsolePage />, '/brand?template=tpl-burger');

    const select = await screen.findByRole('combobox', { name: 'Availability of Barbecue' });
    await user.selectOptions(select, 'out_of_stock');

    // Shown before the server answers.
    expect(select).toHaveValue('out_of_stock');
    await waitFor(() => {
      expect(api.requests.at(-1)).toMatchObject({
        method: 'PATCH',
        path: '/brand/options/o-bbq',
        body: { availability: 'out_of_stock' },
      });
    });

    answer.resolve(
      problemResponse({
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'option_in_use',
        detail: 'Listed designs use this option.',
      }),
    );
    await waitFor(() => {
      expect(select).toHaveValue('active');
    });
    expect(screen.getByTestId('availability-error')).toHaveTextContent(
      'Barbecue could not be changed: Listed designs use this option.',
    );
    // The other option was not touched by the rollback.
    expect(screen.getByRole('combobox', { name: 'Availability of Truffle' })).toHaveValue('active');
  });

  it('keeps the server’s version once it accepts the change', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /templates': () => jsonResponse({ items: [template] }),
        'GET /brand/templates/tpl-burger': () => jsonResponse(template),
        'PATCH /brand/options/o-truffle': () =>
          jsonResponse({
            ...brandOption('o-truffle', 'Truffle', 100, 140),
            availability: 'retired',
          }),
      }).fetch,
    );
    const user = userEvent.setup();
    renderWithRouter(<BrandConsolePage />, '/brand?template=tpl-burger');

    const select = await screen.findByRole('combobox', { name: 'Availability of Truffle' });
    await user.selectOptions(select, 'retired');
    await waitFor(() => {
      expect(screen.getByTestId('brand-option-o-truffle')).toHaveAttribute(
        'data-availability',
        'retired',
      );
    });
    expect(select).toHaveValue('retired');
    expect(screen.queryByTestId('availability-error')).not.toBeInTheDocument();
  });
});
