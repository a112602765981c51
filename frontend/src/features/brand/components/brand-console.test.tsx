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
  type FakeRoute,
} from '@/testing/http';
import { renderWithRouter } from '@/testing/render';
import type { Role } from '@/types/api';
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
  status: 'active',
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

const bowl = {
  id: 'tpl-bowl',
  slug: 'bowl',
  name: { en: 'Bowl', fr: 'Bol' },
  description: { en: '', fr: '' },
  base_price: eur(900),
};

/** The console's reads, plus whatever a test adds. */
function consoleApi(extra: Record<string, FakeRoute> = {}) {
  return fakeApi({
    'GET /brand/templates': () => jsonResponse({ items: [template, bowl] }),
    // The public list leaves retired templates out.
    'GET /templates': () => jsonResponse({ items: [template] }),
    'GET /brand/templates/tpl-burger': () => jsonResponse(template),
    ...extra,
  });
}

function signIn(roles: Role[] = ['curator']) {
  apiClient.session.setSession(testSession('t', testAccount({ roles })));
}

beforeEach(() => {
  signIn();
});

describe('the brand console’s templates', () => {
  it('shows price, cost, margin and preparation of every option', async () => {
    vi.stubGlobal('fetch', consoleApi().fetch);
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

  it('marks the retired templates in the list', async () => {
    vi.stubGlobal('fetch', consoleApi().fetch);
    renderWithRouter(<BrandConsolePage />, '/brand');

    const list = await screen.findByTestId('brand-template-list');
    const bowlLink = within(list).getByRole('link', { name: /Bowl/ });
    await waitFor(() => {
      expect(bowlLink).toHaveTextContent('Retired');
    });
    expect(within(list).getByRole('link', { name: /Burger/ })).not.toHaveTextContent('Retired');
  });

  it('changes availability at once, and puts it back if the server refuses', async () => {
    const answer = deferred<Response>();
    const api = consoleApi({ 'PATCH /brand/options/o-bbq': () => answer.promise });
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
      consoleApi({
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

describe('editing an option’s figures', () => {
  it('sends the price in cents and shows the new margin', async () => {
    const api = consoleApi({
      'PATCH /brand/options/o-truffle': () =>
        jsonResponse(brandOption('o-truffle', 'Truffle', 135, 140)),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderWithRouter(<BrandConsolePage />, '/brand?template=tpl-burger');

    await user.click(await screen.findByRole('button', { name: 'Edit Truffle' }));
    const price = screen.getByRole('textbox', { name: 'Price of Truffle (€)' });
    expect(price).toHaveValue('1.00');
    expect(price).toHaveFocus();
    await user.clear(price);
    await user.type(price, '1.35');

    // The margin follows what is typed, before anything is saved.
    const row = screen.getByTestId('brand-option-o-truffle');
    expect(within(row).getByRole('status', { name: 'Margin of Truffle' })).toHaveTextContent(
      '-€0.05',
    );

    await user.click(within(row).getByRole('button', { name: 'Save Truffle' }));
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Edit Truffle' })).toBeInTheDocument();
    });
    const patch = api.requests.find((request) => request.method === 'PATCH');
    expect(patch).toMatchObject({ path: '/brand/options/o-truffle' });
    // Only what changed, in minor units.
    expect(patch?.body).toEqual({ price_delta: 135 });
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 3)).toEqual(['+€1.35', '€1.40', '-€0.05']);
    expect(
      screen.getByText('Published designs keep the price they were published with.'),
    ).toBeInTheDocument();
  });

  it('says beside the field what is wrong, and sends nothing', async () => {
    const api = consoleApi();
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderWithRouter(<BrandConsolePage />, '/brand?template=tpl-burger');

    await user.click(await screen.findByRole('button', { name: 'Edit Barbecue' }));
    const cost = screen.getByRole('textbox', { name: 'Cost of Barbecue (€)' });
    await user.clear(cost);
    await user.type(cost, '0.125{Enter}');

    expect(cost).toHaveAttribute('aria-invalid', 'true');
    expect(cost).toHaveAccessibleDescription('Use at most two decimals, like 1.50.');
    expect(cost).toHaveFocus();
    expect(api.requests.some((request) => request.method === 'PATCH')).toBe(false);
  });

  it('puts the server’s refusal beside its field', async () => {
    vi.stubGlobal(
      'fetch',
      consoleApi({
        'PATCH /brand/options/o-bbq': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Unprocessable',
            status: 422,
            code: 'validation_failed',
            errors: [
              { field: 'prep_seconds', code: 'negative', message: 'This may not be negative.' },
            ],
          }),
      }).fetch,
    );
    const user = userEvent.setup();
    renderWithRouter(<BrandConsolePage />, '/brand?template=tpl-burger');

    await user.click(await screen.findByRole('button', { name: 'Edit Barbecue' }));
    const prep = screen.getByRole('textbox', { name: 'Preparation of Barbecue (seconds)' });
    await user.clear(prep);
    await user.type(prep, '45{Enter}');

    await waitFor(() => {
      expect(prep).toHaveAccessibleDescription('This may not be negative.');
    });
    expect(prep).toHaveValue('45');
  });

  it('lets a community manager read but not change anything', async () => {
    signIn(['community_manager']);
    vi.stubGlobal('fetch', consoleApi().fetch);
    renderWithRouter(<BrandConsolePage />, '/brand?template=tpl-burger');

    await screen.findByTestId('brand-option-o-truffle');
    expect(screen.queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retire template' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New template' })).not.toBeInTheDocument();
  });
});

describe('a template’s own figures and status', () => {
  it('changes the base price and removes the limit (sending 0)', async () => {
    const api = consoleApi({
      'PATCH /brand/templates/tpl-burger': () =>
        jsonResponse({ ...template, base_price: eur(850), max_prep_seconds: null }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderWithRouter(<BrandConsolePage />, '/brand?template=tpl-burger');

    await user.click(await screen.findByRole('button', { name: 'Change prices and times' }));
    const price = screen.getByRole('textbox', { name: 'Base price (€)' });
    await user.clear(price);
    await user.type(price, '8.5');
    expect(screen.getByTestId('settings-margin')).toHaveTextContent('€6.00');
    await user.clear(
      screen.getByRole('textbox', { name: 'Longest preparation allowed (seconds)' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByTestId('settings-saved')).toHaveTextContent('Changes saved.');
    const patch = api.requests.find((request) => request.method === 'PATCH');
    expect(patch?.body).toEqual({ base_price: 850, max_prep_seconds: 0 });
    const header = screen.getByTestId('brand-template-header');
    expect(header).toHaveTextContent('€8.50');
    expect(header).toHaveTextContent('No limit');
  });

  it('retires the template once the brand confirms', async () => {
    const api = consoleApi({
      'PATCH /brand/templates/tpl-burger': () => jsonResponse({ ...template, status: 'retired' }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderWithRouter(<BrandConsolePage />, '/brand?template=tpl-burger');

    await user.click(await screen.findByRole('button', { name: 'Retire template' }));
    const confirm = screen.getByRole('group', { name: /Retire Burger\?/ });
    // Nothing is sent before the confirmation, and the safe answer has the focus.
    expect(api.requests.some((request) => request.method === 'PATCH')).toBe(false);
    expect(within(confirm).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Retire the template' }));

    expect(await screen.findByTestId('template-status')).toHaveTextContent('Retired');
    expect(api.requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      status: 'retired',
    });
    expect(screen.getByRole('button', { name: 'Bring back' })).toHaveFocus();
  });
});
