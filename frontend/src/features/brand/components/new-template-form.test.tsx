import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
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
import type { BrandTemplate } from '../types';
import { BrandConsolePage } from './brand-console-page';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400"><circle r="9"/></svg>';

function api(extra: Record<string, FakeRoute>) {
  return fakeApi({
    'GET /brand/templates': () => jsonResponse({ items: [] }),
    'GET /templates': () => jsonResponse({ items: [] }),
    ...extra,
  });
}

beforeEach(() => {
  apiClient.session.setSession(testSession('t', testAccount({ roles: ['curator'] })));
});

/** Fills every field of a template with one group of one option (pasting: it is quicker). */
async function fillTemplate(user: UserEvent) {
  const paste = async (label: string, text: string, scope: HTMLElement = document.body) => {
    await user.click(within(scope).getByLabelText(label));
    await user.paste(text);
  };
  const type = paste;
  await type('Name (English)', 'Taco');
  await type('Name (French)', 'Taco');
  await type('Description (English)', 'A taco.');
  await type('Description (French)', 'Un taco.');
  await type('Base price (€)', '6.50');
  await type('Base cost (€)', '2');
  await type('Base preparation (seconds)', '60');
  await paste('Base layer (SVG)', SVG, document.body);

  const group = screen.getByRole('group', { name: 'Group 1' });
  await type('Group name (English)', 'Salsa', group);
  await type('Group name (French)', 'Salsa', group);

  const option = screen.getByRole('group', { name: 'Option 1 of group 1' });
  await type('Option name (English)', 'Verde', option);
  await type('Option name (French)', 'Verde', option);
  await type('Price difference (€)', '-0.20', option);
  await type('Cost (€)', '0.15', option);
  await type('Preparation (seconds)', '10', option);
  await type('Energy (kcal)', '25', option);
  await type('Protein (g)', '0.4', option);
  await type('Carbohydrate (g)', '3', option);
  await type('Fat (g)', '1.25', option);
  await type('Salt (g)', '0.3', option);
  await user.click(within(option).getByRole('checkbox', { name: 'Celery' }));
  await user.click(within(option).getByRole('checkbox', { name: 'Vegan' }));
  await paste('Layer (SVG)', SVG, option);
  return option;
}

/** Filling the whole form takes a few seconds on a busy machine. */
const SLOW = 20_000;

describe('the new-template form', () => {
  it(
    'puts each of the server’s errors beside its field, the option’s layer included',
    async () => {
      const server = api({
        'POST /templates': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Unprocessable',
            status: 422,
            code: 'validation_failed',
            errors: [
              { field: 'slug', code: 'taken', message: 'Another template has this slug.' },
              {
                field: 'groups[0].options[0].layer_svg',
                code: 'unsafe_svg',
                message:
                  'A layer may not hold scripts, event handlers, external references or HTML.',
              },
            ],
          }),
      });
      vi.stubGlobal('fetch', server.fetch);
      const user = userEvent.setup();
      renderWithRouter(<BrandConsolePage />, '/brand?new=template');

      await screen.findByRole('heading', { name: 'New template' });
      const option = await fillTemplate(user);
      // The slug follows the English name until it is typed in.
      expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveValue('taco');
      await user.click(screen.getByRole('button', { name: 'Create the template' }));

      const layer = within(option).getByRole('textbox', { name: 'Layer (SVG)' });
      await waitFor(() => {
        expect(layer).toHaveAttribute('aria-invalid', 'true');
      });
      expect(layer).toHaveAccessibleDescription(
        expect.stringContaining(
          'Scripts, event handlers, external references and embedded HTML are not allowed in a layer.',
        ),
      );
      expect(
        within(option).getByTestId('field-error-groups[0].options[0].layer_svg'),
      ).toBeInTheDocument();
      const slug = screen.getByRole('textbox', { name: 'Slug' });
      expect(slug).toHaveAccessibleDescription(
        expect.stringContaining('Another template already uses this slug.'),
      );
      // The keyboard lands on the first field to fix.
      expect(slug).toHaveFocus();
      // The base layer, which the server accepted, shows no error.
      expect(screen.getByRole('textbox', { name: 'Base layer (SVG)' })).not.toHaveAttribute(
        'aria-invalid',
      );

      // What was sent: minor units, milligrams, the checked boxes.
      const post = server.requests.find((request) => request.method === 'POST');
      expect(post?.body).toMatchObject({
        slug: 'taco',
        name: { en: 'Taco', fr: 'Taco' },
        base_price: { amount_minor: 650, currency: 'EUR' },
        base_cost: 200,
        base_prep_seconds: 60,
        max_prep_seconds: null,
        base_layer_svg: SVG,
        groups: [
          {
            name: { en: 'Salsa', fr: 'Salsa' },
            min_choices: 1,
            max_choices: 1,
            max_quantity: 1,
            options: [
              {
                name: { en: 'Verde', fr: 'Verde' },
                price_delta: -20,
                cost: 15,
                prep_seconds: 10,
                nutrition: {
                  kcal: 25,
                  protein_mg: 400,
                  carbohydrate_mg: 3000,
                  fat_mg: 1250,
                  salt_mg: 300,
                },
                allergens: ['celery'],
                dietary: ['vegan'],
                layer_svg: SVG,
                layer_z: 10,
                availability: 'active',
              },
            ],
          },
        ],
      });

      // Editing the layer clears its error.
      await user.type(layer, ' ');
      expect(layer).not.toHaveAttribute('aria-invalid');
    },
    SLOW,
  );

  it('refuses amounts it cannot read without asking the server', async () => {
    const server = api({});
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderWithRouter(<BrandConsolePage />, '/brand?new=template');

    await user.type(await screen.findByLabelText('Base price (€)'), 'abc');
    await user.type(screen.getByLabelText('Base cost (€)'), '1.234');
    await user.click(screen.getByRole('button', { name: 'Create the template' }));

    const price = screen.getByRole('textbox', { name: 'Base price (€)' });
    expect(price).toHaveAccessibleDescription('Enter an amount like 1.50.');
    expect(price).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Base cost (€)' })).toHaveAccessibleDescription(
      'Use at most two decimals, like 1.50.',
    );
    expect(screen.getByTestId('new-template-error')).toHaveTextContent(
      'Please correct the highlighted fields.',
    );
    expect(server.requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it(
    'opens the new template once it is created',
    async () => {
      const created = {
        id: 'tpl-taco',
        slug: 'taco',
        status: 'active',
        name: { en: 'Taco', fr: 'Taco' },
        description: { en: 'A taco.', fr: 'Un taco.' },
        base_price: { amount_minor: 650, currency: 'EUR' },
        base_cost: { amount_minor: 200, currency: 'EUR' },
        base_prep_seconds: 60,
        max_prep_seconds: null,
        base_layer_svg: SVG,
        groups: [],
      } satisfies BrandTemplate;
      vi.stubGlobal(
        'fetch',
        api({
          'POST /templates': () => jsonResponse(created, 201),
          'GET /brand/templates/tpl-taco': () => jsonResponse(created),
        }).fetch,
      );
      const user = userEvent.setup();
      const { router } = renderWithRouter(<BrandConsolePage />, '/brand?new=template');

      await screen.findByRole('heading', { name: 'New template' });
      await fillTemplate(user);
      await user.click(screen.getByRole('button', { name: 'Create the template' }));

      expect(await screen.findByRole('heading', { name: 'Taco' })).toBeInTheDocument();
      expect(router.state.location.search).toBe('?template=tpl-taco');
      expect(screen.queryByRole('heading', { name: 'New template' })).not.toBeInTheDocument();
    },
    SLOW,
  );

  it('adds and removes groups and options', async () => {
    vi.stubGlobal('fetch', api({}).fetch);
    const user = userEvent.setup();
    renderWithRouter(<BrandConsolePage />, '/brand?new=template');

    await user.click(await screen.findByRole('button', { name: 'Add a group' }));
    const second = screen.getByRole('group', { name: 'Group 2' });
    expect(within(second).getByLabelText('Group name (English)')).toHaveFocus();
    await user.click(within(second).getByRole('button', { name: 'Add an option to group 2' }));
    expect(screen.getByRole('group', { name: 'Option 2 of group 2' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove option 1 of group 2' }));
    expect(screen.queryByRole('group', { name: 'Option 2 of group 2' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove group 1' }));
    expect(screen.queryByRole('group', { name: 'Group 2' })).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Group 1' })).toBeInTheDocument();
  });
});
