import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { fakeApi, jsonResponse, problemResponse, testAccount, testSession } from '@/testing/http';
import { nth } from '@/testing/lists';
import { renderRoutes } from '@/testing/render';
import type { OutboxMail } from '../types';
import { MailPage } from './mail-page';

const routes = [{ path: 'admin/mail', element: <MailPage /> }];

const mail = (overrides: Partial<OutboxMail> & { id: string }): OutboxMail => ({
  to: 'ada@example.com',
  subject: `Mail ${overrides.id}`,
  text: 'Hello',
  created_at: Date.UTC(2026, 10, 22, 9, 30),
  sent_at: null,
  ...overrides,
});

beforeEach(() => {
  apiClient.session.setSession(testSession('t', testAccount({ roles: ['customer', 'admin'] })));
});

describe('the development mail viewer', () => {
  it('lists the emails newest first and opens one, its links clickable', async () => {
    const api = fakeApi({
      'GET /admin/outbox?limit=50': () =>
        jsonResponse({
          items: [
            mail({
              id: 'm2',
              subject: 'Verify your email',
              text: 'Hi Ada,\nOpen http://localhost:8080/verify-email?token=abc to verify.\nBye',
            }),
            mail({ id: 'm1', subject: 'Reset your password' }),
          ],
          next_cursor: null,
        }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/mail');

    const rows = await screen.findAllByTestId('mail-row');
    expect(rows.map((row) => row.querySelector('.mail-subject')?.textContent)).toEqual([
      'Verify your email',
      'Reset your password',
    ]);
    await user.click(nth(rows, 0));

    const reader = screen.getByTestId('mail-reader');
    expect(within(reader).getByRole('heading', { name: 'Verify your email' })).toBeVisible();
    expect(within(reader).getByTestId('mail-text')).toHaveTextContent(/^Hi Ada,\s*Open .* Bye$/);
    expect(
      within(reader).getByRole('link', { name: 'http://localhost:8080/verify-email?token=abc' }),
    ).toHaveAttribute('href', 'http://localhost:8080/verify-email?token=abc');
    expect(rows[0]).toHaveAttribute('aria-pressed', 'true');
    expect(api.requests[0]?.headers.get('Authorization')).toBe('Bearer t');
  });

  it('says that there is no local viewer when SMTP is configured', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /admin/outbox?limit=50': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Not found',
            status: 404,
            code: 'not_found',
          }),
      }).fetch,
    );
    renderRoutes(routes, '/admin/mail');

    expect(await screen.findByTestId('smtp-configured')).toHaveTextContent(
      'SMTP is configured: emails really go out, so there is no local mail viewer.',
    );
  });
});
