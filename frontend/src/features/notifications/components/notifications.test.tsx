import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { type FakeRoute, fakeApi, jsonResponse, testSession } from '@/testing/http';
import { nth } from '@/testing/lists';
import { renderRoutes } from '@/testing/render';
import { allEmails, notification } from '../testing/fixtures';
import { NotificationBell } from './notification-bell';
import { NotificationsPage } from './notifications-page';

/** The bell in a header above the page, as in the app's layout. */
const routes = [
  {
    element: (
      <>
        <header>
          <NotificationBell />
        </header>
        <Outlet />
      </>
    ),
    children: [
      { path: '/', element: <h1>Home</h1> },
      { path: 'notifications', element: <NotificationsPage /> },
    ],
  },
];

function stubApi(routes_: Record<string, FakeRoute>) {
  const api = fakeApi({
    'GET /me/notification-preferences': () => jsonResponse(allEmails),
    ...routes_,
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

const unreadRequests = (api: ReturnType<typeof fakeApi>) =>
  api.requests.filter((r) => r.path === '/me/notifications/unread-count');

beforeEach(() => {
  apiClient.session.setSession(testSession());
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the notification bell', () => {
  it('shows how many notifications are unread and leads to them', async () => {
    stubApi({ 'GET /me/notifications/unread-count': () => jsonResponse({ count: 3 }) });
    renderRoutes(routes, '/');

    const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(within(bell).getByTestId('unread-count')).toHaveTextContent('3');
  });

  it('asks again every minute, and when the visitor comes back to the tab', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let count = 1;
    const api = stubApi({
      'GET /me/notifications/unread-count': () => jsonResponse({ count }),
    });
    renderRoutes(routes, '/');
    expect(await screen.findByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();

    count = 2;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(await screen.findByRole('link', { name: 'Notifications, 2 unread' })).toBeVisible();
    expect(unreadRequests(api)).toHaveLength(2);

    count = 4;
    act(() => {
      window.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await screen.findByRole('link', { name: 'Notifications, 4 unread' })).toBeVisible();
  });

  it('asks nothing for a visitor', async () => {
    apiClient.session.clear();
    const api = stubApi({});
    renderRoutes(routes, '/');

    expect(await screen.findByRole('heading', { name: 'Home' })).toBeInTheDocument();
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument();
    expect(unreadRequests(api)).toHaveLength(0);
  });
});

describe('the notifications page', () => {
  it('words each kind, links to the design, and marks everything read', async () => {
    const api = stubApi({
      'GET /me/notifications/unread-count': () => jsonResponse({ count: 2 }),
      'GET /me/notifications?limit=20': () =>
        jsonResponse({
          items: [
            notification({ id: 'n1', kind: 'rating_milestone', actor_name: null, count: 10 }),
            notification({ id: 'n2', kind: 'comment' }),
            notification({ id: 'n3', kind: 'reply', actor_name: 'Linus', read_at: 1 }),
            notification({
              id: 'n4',
              kind: 'remix',
              design: { id: 'd-2', slug: 'classic', name: 'The Classic' },
              read_at: 1,
            }),
            notification({ id: 'n5', kind: 'shortlisted', actor_name: null, read_at: 1 }),
          ],
          next_cursor: null,
        }),
      'POST /me/notifications/read': () => new Response(null, { status: 204 }),
    });
    renderRoutes(routes, '/notifications');

    const items = await screen.findAllByTestId('notification');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'Your design Smoky Ada reached 10 ratings',
      'Grace commented on your design Smoky Ada',
      'Linus replied to your comment on Smoky Ada',
      'Grace remixed your design The Classic',
      'The brand shortlisted your design Smoky Ada',
    ]);
    expect(within(nth(items, 3)).getByRole('link')).toHaveAttribute('href', '/d/classic');
    // What was new stays marked for this visit.
    expect(within(nth(items, 0)).getByText('New')).toBeInTheDocument();
    expect(within(nth(items, 2)).queryByText('New')).not.toBeInTheDocument();

    await waitFor(() => {
      expect(api.requests.find((r) => r.path === '/me/notifications/read')?.body).toEqual({
        all: true,
      });
    });
    expect(await screen.findByRole('link', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.queryByTestId('unread-count')).not.toBeInTheDocument();
    expect(api.requests.filter((r) => r.path === '/me/notifications/read')).toHaveLength(1);
  });

  it('words the brand’s decisions and links each to its design', async () => {
    stubApi({
      'GET /me/notifications/unread-count': () => jsonResponse({ count: 0 }),
      'GET /me/notifications?limit=20': () =>
        jsonResponse({
          items: (['approved', 'changes_requested', 'rejected', 'listed', 'hidden'] as const).map(
            (kind) => notification({ id: kind, kind, actor_name: null, read_at: 1 }),
          ),
          next_cursor: null,
        }),
      'POST /me/notifications/read': () => new Response(null, { status: 204 }),
    });
    renderRoutes(routes, '/notifications');

    const items = await screen.findAllByTestId('notification');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'The brand approved your design Smoky Ada for the menu',
      'The brand asked for changes to your design Smoky Ada',
      'The brand decided not to put your design Smoky Ada on the menu',
      'Your design Smoky Ada is on the menu',
      'The brand hid your design Smoky Ada',
    ]);
    for (const item of items) {
      expect(within(item).getByRole('link')).toHaveAttribute('href', '/d/smoky-ada');
    }
    // Each can be emailed too.
    expect(
      await screen.findByRole('checkbox', {
        name: 'the brand asks for changes to a design of mine',
      }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'a design of mine goes on the menu' }),
    ).toBeChecked();
  });

  it('says when there is nothing yet', async () => {
    stubApi({
      'GET /me/notifications/unread-count': () => jsonResponse({ count: 0 }),
      'GET /me/notifications?limit=20': () => jsonResponse({ items: [], next_cursor: null }),
      'POST /me/notifications/read': () => new Response(null, { status: 204 }),
    });
    renderRoutes(routes, '/notifications');
    expect(await screen.findByTestId('no-notifications')).toHaveTextContent('Nothing yet');
  });

  it('turns an email off and saves the whole set', async () => {
    const api = stubApi({
      'GET /me/notifications/unread-count': () => jsonResponse({ count: 0 }),
      'GET /me/notifications?limit=20': () => jsonResponse({ items: [], next_cursor: null }),
      'POST /me/notifications/read': () => new Response(null, { status: 204 }),
      'PUT /me/notification-preferences': ({ body }) => jsonResponse(body),
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/notifications');

    const comments = await screen.findByRole('checkbox', {
      name: 'someone comments on a design of mine',
    });
    expect(comments).toBeChecked();
    await user.click(comments);

    expect(comments).not.toBeChecked();
    await waitFor(() => {
      expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({
        email: { ...allEmails.email, comment: false },
      });
    });
    expect(await screen.findByText('Email settings saved.')).toBeInTheDocument();
  });
});
