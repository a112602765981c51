import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import {
  fakeApi,
  jsonResponse,
  problemResponse,
  testSession,
  type FakeRoute,
} from '@/testing/http';
import { renderRoutes } from '@/testing/render';
import { BUN_GROUP, burgerTemplate, draftDesign, quoteFor } from '../testing/fixtures';
import type { Choice, DesignDraft } from '../types';
import { StudioPage } from './studio-page';

const routes = [
  {
    element: <Outlet />,
    children: [
      { path: 'design', element: <h1>Studio home</h1> },
      { path: 'design/new/:templateId', element: <StudioPage /> },
      { path: 'design/:id/edit', element: <StudioPage /> },
      { path: 'd/:slug', element: <h1>Public design page</h1> },
    ],
  },
];

/** The server as the studio sees it; `overrides` replace single routes. */
function studioApi(overrides: Record<string, FakeRoute> = {}) {
  return fakeApi({
    'GET /templates/tpl-burger': () => jsonResponse(burgerTemplate),
    'POST /designs/quote': ({ body }) =>
      jsonResponse(quoteFor((body as { choices: Choice[] }).choices)),
    'POST /designs': ({ body }) => {
      const draft = body as DesignDraft;
      return jsonResponse(draftDesign({ ...draft }), 201);
    },
    'GET /designs/d-1': () => jsonResponse(draftDesign()),
    'PUT /designs/d-1': ({ body }) => jsonResponse(draftDesign({ ...(body as DesignDraft) })),
    ...overrides,
  });
}

beforeEach(() => {
  apiClient.session.setSession(testSession());
});

async function openNewDesign() {
  const view = renderRoutes(routes, '/design/new/tpl-burger');
  await screen.findByRole('group', { name: 'Bun' });
  return view;
}

describe('the studio', () => {
  it('prices every change again and shows the new price', async () => {
    const api = studioApi();
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    await openNewDesign();

    const price = screen.getByTestId('quote-price');
    await waitFor(() => {
      expect(price).toHaveTextContent('€8.00');
    });
    expect(screen.getByTestId('quote-ready')).toHaveTextContent('1 thing left to do');

    await user.click(screen.getByRole('checkbox', { name: /Barbecue/ }));
    await waitFor(() => {
      expect(price).toHaveTextContent('€8.30');
    });
    await user.click(screen.getByRole('button', { name: 'One more Barbecue' }));
    await waitFor(() => {
      expect(price).toHaveTextContent('€8.60');
    });
    await user.click(screen.getByRole('radio', { name: /Brioche bun/ }));
    await waitFor(() => {
      expect(screen.getByTestId('quote-ready')).toHaveTextContent('Ready to publish');
    });

    const quoted = api.requests.filter((r) => r.path === '/designs/quote').at(-1);
    expect(quoted?.body).toEqual({
      template_id: 'tpl-burger',
      choices: [
        { option_id: 'o-brioche', quantity: 1 },
        { option_id: 'o-bbq', quantity: 2 },
      ],
    });
    // The panel announces the price and the state of the design when they settle.
    expect(price.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.getByTestId('allergens')).toHaveTextContent('Contains: Gluten, Eggs, Milk');
  });

  it('greys out what is out of stock, and what a full group has no room for', async () => {
    vi.stubGlobal('fetch', studioApi().fetch);
    const user = userEvent.setup();
    await openNewDesign();

    const rye = screen.getByRole('radio', { name: /Rye bun/ });
    expect(rye).toBeDisabled();
    expect(rye).toHaveAccessibleDescription(expect.stringContaining('Out of stock'));

    const sauces = screen.getByRole('group', { name: 'Sauces' });
    expect(sauces).toHaveAccessibleDescription('Choose up to 2');
    await user.click(within(sauces).getByRole('checkbox', { name: /Barbecue/ }));
    await user.click(within(sauces).getByRole('checkbox', { name: /Mayonnaise/ }));
    expect(within(sauces).getByRole('checkbox', { name: /Chili/ })).toBeDisabled();
    await user.click(within(sauces).getByRole('checkbox', { name: /Barbecue/ }));
    expect(within(sauces).getByRole('checkbox', { name: /Chili/ })).toBeEnabled();
  });

  it('shows the server’s error about a group beside that group when publishing', async () => {
    const api = studioApi({
      'POST /designs/d-1/publish': () =>
        problemResponse({
          type: 'about:blank',
          title: 'Validation failed',
          status: 422,
          code: 'validation_failed',
          errors: [
            {
              field: `groups.${BUN_GROUP}`,
              code: 'too_few_choices',
              message: 'Pick a bun first, please.',
            },
          ],
        }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    const { router } = await openNewDesign();

    await user.type(screen.getByLabelText('Name'), 'Smoky Ada');
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    const bun = screen.getByRole('group', { name: 'Bun' });
    await waitFor(() => {
      expect(within(bun).getByText('Pick a bun first, please.')).toBeInTheDocument();
    });
    expect(bun).toHaveAccessibleDescription(expect.stringContaining('Pick a bun first, please.'));
    expect(within(screen.getByRole('group', { name: 'Sauces' })).queryByText(/Pick a bun/)).toBe(
      null,
    );
    // Keyboard users land on the group to fix.
    expect(within(bun).getByRole('radio', { name: /Brioche bun/ })).toHaveFocus();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toContain('POST /designs/d-1/publish');
    // The draft was saved on the way and the studio moved to its address.
    expect(router.state.location.pathname).toBe('/design/d-1/edit');

    // Choosing a bun clears the complaint.
    await user.click(within(bun).getByRole('radio', { name: /Brioche bun/ }));
    expect(within(bun).queryByText('Pick a bun first, please.')).not.toBeInTheDocument();
  });

  it('asks for a name before publishing, without asking the server', async () => {
    const api = studioApi();
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    await openNewDesign();

    await user.click(screen.getByRole('button', { name: 'Publish' }));

    const name = screen.getByLabelText('Name');
    expect(name).toHaveAccessibleDescription(
      expect.stringContaining('Give your design a name to publish it.'),
    );
    expect(name).toHaveFocus();
    expect(api.requests.some((r) => r.path === '/designs')).toBe(false);
  });

  it('saves a new design as a draft at its own address, then updates that draft', async () => {
    const api = studioApi();
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    const { router } = await openNewDesign();
    // Co-creators are invited to a saved draft, not to a design that does not exist yet.
    expect(screen.queryByRole('heading', { name: 'Co-creators' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /Brioche bun/ }));
    await user.type(screen.getByLabelText('Name'), 'Smoky Ada');
    await user.type(screen.getByLabelText('Tags'), 'Smoky, bbq-lover');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByTestId('studio-notice')).toHaveTextContent('Draft saved.');
    expect(router.state.location.pathname).toBe('/design/d-1/edit');
    expect(await screen.findByRole('heading', { name: 'Co-creators' })).toBeInTheDocument();
    const created = api.requests.find((r) => r.method === 'POST' && r.path === '/designs');
    expect(created?.body).toEqual({
      template_id: 'tpl-burger',
      choices: [{ option_id: 'o-brioche', quantity: 1 }],
      name: 'Smoky Ada',
      story: '',
      tags: ['smoky', 'bbq-lover'],
    });

    // Same studio, same words: the next save updates the draft instead of making another.
    expect(screen.getByLabelText('Name')).toHaveValue('Smoky Ada');
    await user.type(screen.getByLabelText('Story'), 'Line one{Enter}Line two');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => {
      expect(api.requests.some((r) => r.method === 'PUT' && r.path === '/designs/d-1')).toBe(true);
    });
    const updated = api.requests.find((r) => r.method === 'PUT');
    expect(updated?.body).toMatchObject({ name: 'Smoky Ada', story: 'Line one\nLine two' });
    expect(api.requests.filter((r) => r.method === 'POST' && r.path === '/designs')).toHaveLength(
      1,
    );
  });

  it('goes to the design’s public page once it is published', async () => {
    const api = studioApi({
      'GET /designs/d-1': () =>
        jsonResponse(
          draftDesign({ name: 'Smoky Ada', choices: [{ option_id: 'o-brioche', quantity: 1 }] }),
        ),
      'POST /designs/d-1/publish': () =>
        jsonResponse(
          draftDesign({
            name: 'Smoky Ada',
            status: 'published',
            slug: 'smoky-ada',
            url: '/d/smoky-ada',
          }),
        ),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/design/d-1/edit');

    // The draft opens as it was saved.
    expect(await screen.findByRole('radio', { name: /Brioche bun/ })).toBeChecked();
    expect(screen.getByLabelText('Name')).toHaveValue('Smoky Ada');

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByRole('heading', { name: 'Public design page' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/d/smoky-ada');
  });

  it('deletes a draft after asking, and returns to the studio home', async () => {
    const api = studioApi({
      'GET /designs/d-1': () => jsonResponse(draftDesign({ name: 'Old idea' })),
      'DELETE /designs/d-1': () => new Response(null, { status: 204 }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRoutes(routes, '/design/d-1/edit');

    await user.click(await screen.findByRole('button', { name: 'Delete draft' }));
    expect(screen.getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Delete the draft' }));

    expect(await screen.findByRole('heading', { name: 'Studio home' })).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === 'DELETE' && r.path === '/designs/d-1')).toBe(true);
  });

  it('tells someone invited to a draft that only its creator edits it', async () => {
    vi.stubGlobal(
      'fetch',
      studioApi({
        'GET /designs/d-1': () =>
          jsonResponse(
            draftDesign({
              name: 'Smoky Ada',
              creator: { id: 'someone-else', display_name: 'Grace' },
            }),
          ),
      }).fetch,
    );
    renderRoutes(routes, '/design/d-1/edit');

    expect(await screen.findByTestId('not-editable')).toHaveTextContent(
      'This draft belongs to Grace: only they can change it.',
    );
    expect(screen.queryByTestId('studio')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Co-creators' })).not.toBeInTheDocument();
  });
});
