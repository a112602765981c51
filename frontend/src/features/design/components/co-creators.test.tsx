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
import { draftDesign, invitation, publicDesign } from '../testing/fixtures';
import type { Design, Invitation, Split, SplitInput } from '../types';
import { CoCreatorsPage } from './co-creators-page';
import { StudioHomePage } from './studio-home-page';

const routes = [
  {
    element: <Outlet />,
    children: [
      { path: 'design', element: <StudioHomePage /> },
      { path: 'design/:id/edit', element: <h1>Studio</h1> },
      { path: 'design/:id/co-creators', element: <CoCreatorsPage /> },
      { path: 'd/:slug', element: <h1>Public design page</h1> },
    ],
  },
];

const hugo = { account_id: 'a-hugo', display_name: 'Hugo' };

beforeEach(() => {
  // Ada, ada@example.com, the creator of every draftDesign().
  apiClient.session.setSession(testSession());
});

function openSplit(design: Design, overrides: Record<string, FakeRoute> = {}) {
  const api = fakeApi({
    'GET /designs/d-1': () => jsonResponse(design),
    ...overrides,
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderRoutes(routes, '/design/d-1/co-creators');
  return { ...view, api };
}

const rows = () => screen.getAllByTestId('split-row');
const invite = () => screen.getByRole('group', { name: 'Invite a co-creator' });

async function addInvite(user: ReturnType<typeof userEvent.setup>, email: string, share: string) {
  await user.type(within(invite()).getByLabelText('Email'), email);
  await user.type(within(invite()).getByLabelText('Share (%)'), share);
  await user.click(within(invite()).getByRole('button', { name: 'Add to the list' }));
}

describe('the creator’s split', () => {
  it('shows the server’s complaint about one person beside that person’s row', async () => {
    const { api } = openSplit(draftDesign({ name: 'Smoky Ada' }), {
      'PUT /designs/d-1/co-creators': () =>
        problemResponse({
          type: 'about:blank',
          title: 'Validation failed',
          status: 422,
          code: 'validation_failed',
          errors: [
            {
              field: 'co_creators[1].email',
              code: 'unknown_account',
              message: 'Nobody has an account with this email yet.',
            },
          ],
        }),
    });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Smoky Ada' })).toBeVisible();
    expect(screen.getByTestId('creator-share')).toHaveTextContent(
      'You keep 100% of the royalties.',
    );

    await addInvite(user, 'bob@example.com', '30');
    await addInvite(user, 'nobody@example.com', '12.5');
    expect(screen.getByTestId('creator-share')).toHaveTextContent(
      'Once saved, you keep 57.5% of the royalties.',
    );
    await user.click(screen.getByRole('button', { name: 'Save split' }));

    const sent = api.requests.find((r) => r.method === 'PUT');
    expect(sent?.body).toEqual({
      co_creators: [
        { email: 'bob@example.com', share_bps: 3000 },
        { email: 'nobody@example.com', share_bps: 1250 },
      ],
    });
    const [bobRow, nobodyRow] = rows();
    if (!bobRow || !nobodyRow) throw new Error('two rows expected');
    const nobodyEmail = within(nobodyRow).getByLabelText('Email');
    await waitFor(() => {
      expect(nobodyEmail).toHaveAccessibleDescription('Nobody has an account with this email yet.');
    });
    expect(nobodyEmail).toHaveValue('nobody@example.com');
    expect(nobodyEmail).toHaveAttribute('aria-invalid', 'true');
    expect(nobodyEmail).toHaveFocus();
    expect(within(bobRow).queryByText(/Nobody has an account/)).not.toBeInTheDocument();
    expect(screen.getByTestId('split-error')).toHaveTextContent(
      'Please correct the highlighted fields.',
    );

    // Fixing the email clears its complaint.
    await user.clear(nobodyEmail);
    await user.type(nobodyEmail, 'chloe@example.com');
    expect(nobodyEmail).not.toHaveAccessibleDescription(expect.stringContaining('Nobody'));
  });

  it('refuses shares it can tell are wrong without asking the server', async () => {
    const { api } = openSplit(draftDesign());
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 2, name: 'Co-creators' });

    await addInvite(user, 'bob@example.com', '12.345');
    const share = within(invite()).getByLabelText('Share (%)');
    expect(share).toHaveAccessibleDescription('Use at most two decimals, like 12.25.');
    expect(share).toHaveFocus();

    await user.clear(share);
    await user.type(share, '100');
    await user.click(screen.getByRole('button', { name: 'Save split' }));
    expect(share).toHaveAccessibleDescription('A share is between 0.01% and 99.99%.');

    await user.clear(share);
    await user.type(share, '60');
    await user.click(within(invite()).getByRole('button', { name: 'Add to the list' }));
    await addInvite(user, 'ada@example.com', '50');
    expect(within(invite()).getByLabelText('Email')).toHaveAccessibleDescription(
      'This is your own email: your share is what the others leave.',
    );
    await user.clear(within(invite()).getByLabelText('Email'));
    await user.type(within(invite()).getByLabelText('Email'), 'chloe@example.com');
    await user.click(within(invite()).getByRole('button', { name: 'Add to the list' }));
    expect(within(invite()).getByLabelText('Share (%)')).toHaveAccessibleDescription(
      'Together the shares must stay under 100%, so that you keep something.',
    );

    expect(api.requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('saves the whole list and shows who still has to answer', async () => {
    const answer: Split = {
      creator_share_bps: 7000,
      agreed: false,
      co_creators: [{ ...hugo, share_bps: 3000, status: 'invited' }],
    };
    const { api } = openSplit(draftDesign(), {
      'PUT /designs/d-1/co-creators': () => jsonResponse(answer),
    });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 2, name: 'Co-creators' });
    expect(screen.getByTestId('split-agreement')).toHaveTextContent(
      'No co-creators: the royalties are all yours.',
    );

    // Typed in the invite row and saved straight away: it goes with the list.
    await user.type(within(invite()).getByLabelText('Email'), 'hugo@example.com');
    await user.type(within(invite()).getByLabelText('Share (%)'), '30');
    await user.click(screen.getByRole('button', { name: 'Save split' }));

    expect(await screen.findByTestId('split-notice')).toHaveTextContent('Split saved.');
    expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      co_creators: [{ email: 'hugo@example.com', share_bps: 3000 }],
    } satisfies SplitInput);
    const row = screen.getByRole('group', { name: 'Hugo' });
    expect(within(row).getByTestId('co-creator-status')).toHaveTextContent('Invited');
    expect(row).toHaveTextContent('30%');
    expect(screen.getByTestId('creator-share')).toHaveTextContent('You keep 70% of the royalties.');
    expect(screen.getByTestId('split-agreement')).toHaveTextContent('Waiting for 1 answer');
    expect(within(invite()).getByLabelText('Email')).toHaveValue('');
  });

  it('after a reload, sends a saved co-creator by account id, with no email', async () => {
    const { api } = openSplit(
      draftDesign({
        split: {
          creator_share_bps: 7000,
          agreed: true,
          co_creators: [{ ...hugo, share_bps: 3000, status: 'accepted' }],
        },
      }),
      {
        'PUT /designs/d-1/co-creators': () =>
          jsonResponse({
            creator_share_bps: 7500,
            agreed: false,
            co_creators: [{ ...hugo, share_bps: 2500, status: 'invited' }],
          } satisfies Split),
      },
    );
    const user = userEvent.setup();
    expect(await screen.findByTestId('split-agreement')).toHaveTextContent('Agreed by everyone');

    const row = screen.getByRole('group', { name: 'Hugo' });
    expect(within(row).getByTestId('co-creator-status')).toHaveTextContent('Accepted');
    expect(row).toHaveTextContent('30%');
    expect(within(row).queryByLabelText('Email')).not.toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Remove Hugo' })).toBeVisible();

    const share = within(row).getByLabelText('Share (%)');
    expect(share).toHaveValue('30');
    await user.clear(share);
    await user.type(share, '25');
    expect(share).toHaveAccessibleDescription('Changed: Hugo will be asked again.');
    expect(screen.getByTestId('creator-share')).toHaveTextContent(
      'Once saved, you keep 75% of the royalties.',
    );
    await user.click(screen.getByRole('button', { name: 'Save split' }));

    expect(await screen.findByTestId('split-notice')).toHaveTextContent('Split saved.');
    const body = api.requests.find((r) => r.method === 'PUT')?.body as SplitInput;
    expect(body).toEqual({ co_creators: [{ account_id: 'a-hugo', share_bps: 2500 }] });
    expect(body.co_creators[0]).not.toHaveProperty('email');
    expect(
      within(screen.getByRole('group', { name: 'Hugo' })).getByTestId('co-creator-status'),
    ).toHaveTextContent('Invited');
  });

  it('sends saved people by id and newcomers by email, and places complaints by position', async () => {
    const { api } = openSplit(
      draftDesign({
        split: {
          creator_share_bps: 5000,
          agreed: true,
          co_creators: [
            { ...hugo, share_bps: 3000, status: 'accepted' },
            { account_id: 'a-ines', display_name: 'Inès', share_bps: 2000, status: 'accepted' },
          ],
        },
      }),
      {
        'PUT /designs/d-1/co-creators': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Validation failed',
            status: 422,
            code: 'validation_failed',
            errors: [
              {
                field: 'co_creators[1].email',
                code: 'duplicate',
                message: 'This person is already in the list.',
              },
            ],
          }),
      },
    );
    const user = userEvent.setup();
    expect(await screen.findByTestId('split-agreement')).toHaveTextContent('Agreed by everyone');

    await user.click(screen.getByRole('button', { name: 'Remove Inès' }));
    expect(screen.queryByRole('group', { name: 'Inès' })).not.toBeInTheDocument();
    expect(screen.getByTestId('split-notice')).toHaveTextContent('Inès is out of the list.');
    // Hugo's row has only a share to edit.
    expect(
      within(screen.getByRole('group', { name: 'Hugo' })).getByLabelText('Share (%)'),
    ).toHaveFocus();
    expect(screen.getByTestId('creator-share')).toHaveTextContent(
      'Once saved, you keep 70% of the royalties.',
    );

    // Hugo's email, typed again by mistake: only the server can tell it is him.
    await addInvite(user, 'hugo@example.com', '10');
    await user.click(screen.getByRole('button', { name: 'Save split' }));

    expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      co_creators: [
        { account_id: 'a-hugo', share_bps: 3000 },
        { email: 'hugo@example.com', share_bps: 1000 },
      ],
    } satisfies SplitInput);
    const newRow = screen.getByRole('group', { name: 'New co-creator' });
    const email = within(newRow).getByLabelText('Email');
    await waitFor(() => {
      expect(email).toHaveAccessibleDescription('This person is already in the list.');
    });
    expect(email).toHaveFocus();
    expect(
      within(screen.getByRole('group', { name: 'Hugo' })).queryByText(/already in the list/),
    ).not.toBeInTheDocument();
  });
  it('shows a problem with a saved co-creator under their name, having no email field', async () => {
    openSplit(
      draftDesign({
        split: {
          creator_share_bps: 7000,
          agreed: true,
          co_creators: [{ ...hugo, share_bps: 3000, status: 'accepted' }],
        },
      }),
      {
        'PUT /designs/d-1/co-creators': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Validation failed',
            status: 422,
            code: 'validation_failed',
            errors: [
              {
                field: 'co_creators[0].email',
                code: 'unknown_account',
                message: 'Nobody has an account with this email yet.',
              },
            ],
          }),
      },
    );
    const user = userEvent.setup();
    const row = await screen.findByRole('group', { name: 'Hugo' });
    const share = within(row).getByLabelText('Share (%)');
    await user.clear(share);
    await user.type(share, '20');
    await user.click(screen.getByRole('button', { name: 'Save split' }));

    expect(await within(row).findByTestId('split-person-error')).toHaveTextContent(
      'Nobody has an account with this email yet.',
    );
    expect(row).toHaveAccessibleDescription('Nobody has an account with this email yet.');
    expect(share).toHaveFocus();
  });
});

describe('invitations on the studio home', () => {
  function studioHome(items: Invitation[], extra: Record<string, FakeRoute> = {}) {
    let current = items;
    const api = fakeApi({
      'GET /templates': () => jsonResponse({ items: [] }),
      'GET /me/designs': () => jsonResponse({ items: [] }),
      'GET /me/invitations': () => jsonResponse({ items: current }),
      'POST /designs/d-7/co-creators/answer': ({ body }) => {
        const accept = (body as { accept: boolean }).accept;
        current = current.map((item) =>
          item.design_id === 'd-7' ? { ...item, status: accept ? 'accepted' : 'declined' } : item,
        );
        return jsonResponse({
          creator_share_bps: 7500,
          agreed: accept,
          co_creators: [{ ...hugo, share_bps: 2500, status: accept ? 'accepted' : 'declined' }],
        } satisfies Split);
      },
      ...extra,
    });
    vi.stubGlobal('fetch', api.fetch);
    renderRoutes(routes, '/design');
    return api;
  }

  it('accepts an invitation and shows it as accepted', async () => {
    const api = studioHome([invitation()], {
      'GET /designs/d-7': () => jsonResponse(publicDesign({ id: 'd-7' })),
    });
    const user = userEvent.setup();

    const list = await screen.findByTestId('invitations');
    expect(within(list).getByRole('heading', { name: 'Invitations' })).toBeVisible();
    const item = within(list).getByTestId('invitation');
    expect(item).toHaveTextContent('from Grace');
    expect(within(item).getByTestId('invitation-share')).toHaveTextContent('25% of the royalties');
    expect(within(item).getByTestId('invitation-status')).toHaveTextContent(
      'Waiting for your answer',
    );
    // Published: its page is there to look at before answering.
    expect(await within(item).findByRole('link', { name: 'Smoky Ada' })).toHaveAttribute(
      'href',
      '/d/smoky-ada',
    );

    await user.click(
      within(item).getByRole('button', { name: 'Accept the invitation to Smoky Ada' }),
    );

    await waitFor(() => {
      expect(within(item).getByTestId('invitation-status')).toHaveTextContent('You accepted');
    });
    const answer = api.requests.find((r) => r.path === '/designs/d-7/co-creators/answer');
    expect(answer?.method).toBe('POST');
    expect(answer?.body).toEqual({ accept: true });
    expect(within(item).queryByRole('button', { name: /Accept|Decline/ })).not.toBeInTheDocument();
    expect(within(item).getByTestId('invitation-status').parentElement).toHaveFocus();
  });

  it('shows no invitations section when there are none', async () => {
    studioHome([]);
    expect(await screen.findByRole('heading', { name: 'My designs' })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByText(/You have no designs yet/)).toBeInTheDocument();
    });
    expect(screen.queryByTestId('invitations')).not.toBeInTheDocument();
  });
});
