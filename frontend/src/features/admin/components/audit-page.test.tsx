import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { fakeApi, jsonResponse, problemResponse, testAccount, testSession } from '@/testing/http';
import { nth } from '@/testing/lists';
import { renderRoutes } from '@/testing/render';
import type { AuditEntry } from '../types';
import { AuditPage } from './audit-page';

const routes = [{ path: 'admin/audit', element: <AuditPage /> }];

const CURATOR = '01937b2e-0000-7000-8000-00000000000c';
const DESIGN = '01937b2e-0000-7000-8000-0000000000d1';

const entry = (overrides: Partial<AuditEntry> & { id: string }): AuditEntry => ({
  at: Date.UTC(2026, 10, 22, 9, 30),
  actor_id: CURATOR,
  action: 'review.approved',
  target_type: 'design',
  target_id: DESIGN,
  detail: '{}',
  request_id: null,
  ...overrides,
});

const page = (items: AuditEntry[], next_cursor: string | null = null) =>
  jsonResponse({ items, next_cursor });

beforeEach(() => {
  // Days are the reader's: fix the zone so that the milliseconds sent are known.
  vi.stubEnv('TZ', 'Europe/Paris');
  apiClient.session.setSession(testSession('t', testAccount({ roles: ['customer', 'admin'] })));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the audit log', () => {
  it('lists the entries newest first: when, what, who, to what, the detail and the request', async () => {
    const api = fakeApi({
      'GET /admin/audit-log?limit=50': () =>
        page([
          entry({
            id: 'e2',
            detail: '{"price":{"amount":"4.50","currency":"EUR"}}',
            request_id: 'req-42',
          }),
          entry({
            id: 'e1',
            at: Date.UTC(2026, 10, 21, 8),
            actor_id: null,
            action: 'role.granted',
            target_type: 'account',
            target_id: 'acc-7',
          }),
        ]),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderRoutes(routes, '/admin/audit');

    const rows = await screen.findAllByTestId('audit-entry');
    expect(rows).toHaveLength(2);
    const first = nth(rows, 0);
    const time = within(first).getByText(/Nov 22, 2026/);
    expect(time).toHaveAttribute('dateTime', '2026-11-22T09:30:00.000Z');
    expect(within(first).getByText('review.approved')).toBeVisible();
    expect(
      within(first).getByText('01937b2e…', { selector: `[title="${CURATOR}"]` }),
    ).toBeVisible();
    expect(
      within(first).getByRole('link', { name: `Filter by this actor (${CURATOR})` }),
    ).toHaveAttribute('href', `/admin/audit?actor_id=${CURATOR}`);
    expect(
      within(first).getByRole('link', { name: `Filter by this target (design ${DESIGN})` }),
    ).toHaveAttribute('href', `/admin/audit?target_type=design&target_id=${DESIGN}`);
    expect(within(first).getByText('req-42')).toBeVisible();
    // The detail is folded away until asked for, and indented.
    const detail = within(first).getByTestId('audit-detail');
    expect(detail).not.toBeVisible();
    await userEvent.setup().click(within(first).getByText('Show the detail'));
    expect(detail).toBeVisible();
    expect(detail.textContent).toBe(
      '{\n  "price": {\n    "amount": "4.50",\n    "currency": "EUR"\n  }\n}',
    );

    const second = nth(rows, 1);
    expect(within(second).getByText('Command line or system')).toBeVisible();
    expect(
      within(second).queryByRole('link', { name: /Filter by this actor/ }),
    ).not.toBeInTheDocument();
    expect(within(second).getByText('acc-7')).toBeVisible();
    expect(within(second).queryByText('Show the detail')).not.toBeInTheDocument();
    expect(api.requests[0]?.headers.get('Authorization')).toBe('Bearer t');
  });

  it('puts the filters in the address and sends the days as local midnights, the last one whole', async () => {
    const api = fakeApi({
      'GET /admin/audit-log?limit=50': () => page([entry({ id: 'e1' })]),
      // 1 November 00:00 in Paris, to 1 December 00:00 (30 November included).
      [`GET /admin/audit-log?action=listing.retired&since=${Date.UTC(2026, 9, 31, 23)}&until=${Date.UTC(2026, 10, 30, 23)}&limit=50`]:
        () => page([entry({ id: 'e9', action: 'listing.retired', target_type: 'listing' })]),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/admin/audit');
    await screen.findAllByTestId('audit-entry');

    await user.type(screen.getByLabelText('Action'), ' listing.retired ');
    await user.type(screen.getByLabelText('From'), '2026-11-01');
    await user.type(screen.getByLabelText('To'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Filter' }));

    await waitFor(() => {
      expect(screen.getByText('listing.retired')).toBeVisible();
    });
    expect(router.state.location.search).toBe(
      '?action=listing.retired&from=2026-11-01&to=2026-11-30',
    );
    expect(screen.getByLabelText('Action')).toHaveValue('listing.retired');
    expect(screen.getByRole('button', { name: 'Filter' })).toHaveFocus();
  });

  it('opens a shared view with its filters, and narrows it further with a row’s link', async () => {
    const api = fakeApi({
      'GET /admin/audit-log?target_type=design&limit=50': () => page([entry({ id: 'e1' })]),
      [`GET /admin/audit-log?actor_id=${CURATOR}&target_type=design&limit=50`]: () =>
        page([entry({ id: 'e1' })]),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/admin/audit?target_type=design');

    expect(await screen.findByLabelText('Target type')).toHaveValue('design');
    await user.click(await screen.findByRole('link', { name: /Filter by this actor/ }));

    expect(router.state.location.search).toBe(`?actor_id=${CURATOR}&target_type=design`);
    await waitFor(() => {
      expect(screen.getByLabelText('Actor id')).toHaveValue(CURATOR);
    });
    // Already narrowed to that actor: no link to do it again.
    await waitFor(() => {
      expect(screen.queryByRole('link', { name: /Filter by this actor/ })).not.toBeInTheDocument();
    });
    expect(api.requests.map((request) => request.path)).toEqual([
      '/admin/audit-log?target_type=design&limit=50',
      `/admin/audit-log?actor_id=${CURATOR}&target_type=design&limit=50`,
    ]);

    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(router.state.location.search).toBe('');
    expect(screen.getByLabelText('Actor id')).toHaveValue('');
  });

  it('shows the server’s complaint beside the filter it is about', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /admin/audit-log?action=Review&limit=50': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Some fields are not valid.',
            status: 422,
            code: 'validation_failed',
            errors: [
              {
                field: 'action',
                code: 'invalid_action',
                message: 'An action looks like `role.granted`.',
              },
            ],
          }),
      }).fetch,
    );
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/audit?action=Review');

    expect(await screen.findByTestId('field-error-action')).toHaveTextContent(
      'An action looks like `role.granted`.',
    );
    expect(screen.getByLabelText('Action')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('audit-error')).toHaveTextContent(
      'Please correct the highlighted fields.',
    );

    await user.type(screen.getByLabelText('Action'), 's');
    expect(screen.queryByTestId('field-error-action')).not.toBeInTheDocument();
  });

  it('catches an actor id that is not one before asking the server', async () => {
    const api = fakeApi({
      'GET /admin/audit-log?limit=50': () => page([]),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/admin/audit');
    await screen.findByTestId('audit-empty');

    await user.type(screen.getByLabelText('Actor id'), 'ada');
    await user.click(screen.getByRole('button', { name: 'Filter' }));

    expect(screen.getByTestId('field-error-actor_id')).toHaveTextContent(
      'An actor id looks like 01937b2e-0000-7000-8000-000000000001.',
    );
    expect(screen.getByLabelText('Actor id')).toHaveFocus();
    expect(router.state.location.search).toBe('');
    expect(api.requests).toHaveLength(1);
  });

  it('does not send a hand-edited address whose range ends before it starts', async () => {
    const api = fakeApi({});
    vi.stubGlobal('fetch', api.fetch);
    renderRoutes(routes, '/admin/audit?from=2026-11-02&to=2026-11-01');

    expect(await screen.findByTestId('field-error-to')).toHaveTextContent(
      'Choose a day on or after the first one.',
    );
    expect(screen.getByTestId('audit-error')).toHaveTextContent(
      'Please correct the highlighted fields.',
    );
    expect(api.requests).toHaveLength(0);
  });

  it('says when nothing is recorded, and when nothing matches', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /admin/audit-log?limit=50': () => page([]),
        'GET /admin/audit-log?action=role.revoked&limit=50': () => page([]),
      }).fetch,
    );
    const { unmount } = renderRoutes(routes, '/admin/audit');
    expect(await screen.findByTestId('audit-empty')).toHaveTextContent(
      'Nothing has been recorded yet.',
    );
    expect(screen.queryByRole('button', { name: 'Clear the filters' })).not.toBeInTheDocument();
    unmount();

    renderRoutes(routes, '/admin/audit?action=role.revoked');
    expect(await screen.findByTestId('audit-empty')).toHaveTextContent(
      'No entry matches these filters.',
    );
  });

  it('says when the log cannot be read', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /admin/audit-log?limit=50': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Internal error',
            status: 500,
            code: 'internal',
            request_id: 'req-9',
          }),
      }).fetch,
    );
    renderRoutes(routes, '/admin/audit');

    expect(await screen.findByTestId('audit-error')).toHaveTextContent(
      'Something went wrong on our side. Please try again. Reference: req-9',
    );
    expect(screen.queryByTestId('audit-entries')).not.toBeInTheDocument();
  });

  it('loads older entries with the cursor, keeping the filters', async () => {
    const api = fakeApi({
      'GET /admin/audit-log?action=review.approved&limit=50': () =>
        page([entry({ id: 'e2' })], 'c1'),
      'GET /admin/audit-log?action=review.approved&limit=50&cursor=c1': () =>
        page([entry({ id: 'e1', target_id: 'older' })]),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/audit?action=review.approved');

    await user.click(await screen.findByRole('button', { name: 'Load more' }));

    await waitFor(() => {
      expect(screen.getAllByTestId('audit-entry')).toHaveLength(2);
    });
    expect(screen.getByText('older')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});
