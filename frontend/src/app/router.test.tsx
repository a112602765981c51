import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { fakeApi, jsonResponse, testAccount, testSession } from '@/testing/http';
import { renderRoutes } from '@/testing/render';
import type { Role } from '@/types/api';
import { routes } from './router';

function stubApi() {
  const api = fakeApi({
    'GET /me/notifications/unread-count': () => jsonResponse({ count: 0 }),
    'GET /brand/reviews?state=open&limit=20': () => jsonResponse({ items: [], next_cursor: null }),
    'GET /menu?lang=en': () => jsonResponse({ sections: [] }),
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

function signIn(roles: Role[]) {
  apiClient.session.setSession(testSession('t', testAccount({ roles })));
}

beforeEach(() => {
  apiClient.session.clear();
  // The layout restores the scroll position, which jsdom cannot do.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

describe('the brand console’s pages', () => {
  it('are closed to customers, like the console itself', async () => {
    stubApi();
    signIn(['customer']);
    for (const path of ['/brand/reviews', '/brand/listings', '/brand/moderation']) {
      const { unmount } = renderRoutes(routes, path);
      expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
      unmount();
    }
  });

  it('open to the brand’s team, with the console’s own navigation', async () => {
    stubApi();
    signIn(['community_manager']);
    renderRoutes(routes, '/brand/reviews');

    expect(await screen.findByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'Brand console' });
    expect(within(nav).getByRole('link', { name: 'Reviews' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Catalogue' })).not.toHaveAttribute(
      'aria-current',
    );
    for (const [name, href] of [
      ['Listings', '/brand/listings'],
      ['Moderation', '/brand/moderation'],
      ['Settings', '/brand/settings'],
      ['Analytics', '/brand/analytics'],
    ] as const) {
      expect(within(nav).getByRole('link', { name })).toHaveAttribute('href', href);
    }
  });
});

describe('the menu', () => {
  it('is in the main navigation for everyone', async () => {
    stubApi();
    renderRoutes(routes, '/menu');

    expect(await screen.findByRole('heading', { level: 1, name: 'The menu' })).toBeVisible();
    const main = screen.getByRole('navigation', { name: 'Main' });
    expect(within(main).getByRole('link', { name: 'The menu' })).toHaveAttribute('href', '/menu');
  });
});

describe('the audit log', () => {
  it('is for administrators only, like the mail viewer', async () => {
    const api = fakeApi({
      'GET /me/notifications/unread-count': () => jsonResponse({ count: 0 }),
      'GET /admin/audit-log?limit=50': () => jsonResponse({ items: [], next_cursor: null }),
    });
    vi.stubGlobal('fetch', api.fetch);
    signIn(['customer', 'curator']);
    const { unmount } = renderRoutes(routes, '/admin/audit');
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(api.requests.some((request) => request.path.startsWith('/admin/'))).toBe(false);
    unmount();

    signIn(['customer', 'admin']);
    renderRoutes(routes, '/admin/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  });
});
