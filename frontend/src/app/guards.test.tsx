import { screen } from '@testing-library/react';
import { act } from 'react';
import { Outlet } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { deferred, jsonResponse, testAccount, testSession } from '@/testing/http';
import { renderRoutes } from '@/testing/render';
import { RequireAdmin, RequireAuth, RequireBrandRole } from './guards';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
});

const routes = [
  {
    element: <Outlet />,
    children: [
      { path: 'signin', element: <h1>Sign-in page</h1> },
      {
        path: 'earnings',
        element: (
          <RequireAuth>
            <h1>Earnings</h1>
          </RequireAuth>
        ),
      },
      {
        path: 'admin/mail',
        element: (
          <RequireAuth>
            <RequireAdmin>
              <h1>Mail viewer</h1>
            </RequireAdmin>
          </RequireAuth>
        ),
      },
      {
        path: 'brand',
        element: (
          <RequireAuth>
            <RequireBrandRole>
              <h1>Brand console</h1>
            </RequireBrandRole>
          </RequireAuth>
        ),
      },
    ],
  },
];

describe('pages that need an account', () => {
  // First in the file: the session store starts out restoring, as after a reload.
  it('wait for the session to be restored instead of showing the sign-in page', async () => {
    const held = deferred<Response>();
    fetchMock.mockReturnValue(held.promise);
    void apiClient.session.restore();
    renderRoutes(routes, '/earnings');

    expect(screen.getByRole('status')).toHaveTextContent('Checking your session');
    expect(screen.queryByText('Sign-in page')).not.toBeInTheDocument();

    await act(async () => {
      held.resolve(jsonResponse(testSession()));
      await apiClient.session.restore();
    });
    expect(screen.getByRole('heading', { name: 'Earnings' })).toBeInTheDocument();
  });

  it('send a visitor to sign in, remembering where they were going', () => {
    apiClient.session.clear();
    const { router } = renderRoutes(routes, '/earnings');
    expect(screen.getByText('Sign-in page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/signin');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/earnings')}`);
  });

  it('tell a customer plainly that the brand console is not for them', () => {
    apiClient.session.setSession(testSession('t', testAccount({ roles: ['customer'] })));
    renderRoutes(routes, '/brand');
    expect(screen.getByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.queryByText('Brand console')).not.toBeInTheDocument();
  });

  it('open the brand console to a curator', () => {
    apiClient.session.setSession(testSession('t', testAccount({ roles: ['customer', 'curator'] })));
    renderRoutes(routes, '/brand');
    expect(screen.getByRole('heading', { name: 'Brand console' })).toBeInTheDocument();
  });

  it('keep the mail viewer for administrators', () => {
    apiClient.session.setSession(testSession('t', testAccount({ roles: ['customer', 'curator'] })));
    const { unmount } = renderRoutes(routes, '/admin/mail');
    expect(screen.getByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(
      screen.getByText('This page is for administrators. Your account is not one.'),
    ).toBeVisible();
    unmount();

    apiClient.session.setSession(testSession('t', testAccount({ roles: ['admin'] })));
    renderRoutes(routes, '/admin/mail');
    expect(screen.getByRole('heading', { name: 'Mail viewer' })).toBeInTheDocument();
  });
});
