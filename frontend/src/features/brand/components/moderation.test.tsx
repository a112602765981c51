import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { localMidnightMs } from '@/lib/dates';
import {
  fakeApi,
  jsonResponse,
  problemResponse,
  testAccount,
  testSession,
  type FakeRoute,
} from '@/testing/http';
import { nth } from '@/testing/lists';
import { renderWithRouter } from '@/testing/render';
import type { BurstAlert, ReportTarget } from '../types';
import { ModerationPage } from './moderation-page';

const design = { id: 'd-1', slug: 'smoky-ada', name: 'Smoky Ada', url: '/d/smoky-ada' };

function target(overrides: Partial<ReportTarget> = {}): ReportTarget {
  return {
    target_type: 'design',
    target_id: 'd-1',
    title: 'Smoky Ada',
    design,
    reports: 3,
    reasons: ['spam', 'offensive'],
    first_at: Date.UTC(2026, 10, 21, 9),
    hidden: false,
    ...overrides,
  };
}

function showModeration(
  targets: ReportTarget[],
  alerts: BurstAlert[] = [],
  routes: Record<string, FakeRoute> = {},
) {
  const api = fakeApi({
    'GET /brand/reports/targets': () => jsonResponse({ items: targets }),
    'GET /brand/alerts': () => jsonResponse({ items: alerts }),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderWithRouter(<ModerationPage />, '/brand/moderation');
  return { ...view, api };
}

beforeEach(() => {
  apiClient.session.setSession(testSession('t', testAccount({ roles: ['community_manager'] })));
});

describe('moderation', () => {
  it('groups the reports by what they are about, most reported first', async () => {
    showModeration([
      target(),
      target({
        target_type: 'comment',
        target_id: 'c-9',
        title: 'Buy cheap watches at example.com',
        reports: 1,
        reasons: ['spam'],
        hidden: true,
      }),
    ]);

    const items = await screen.findAllByTestId('report-target');
    expect(within(nth(items, 0)).getByRole('link', { name: 'Smoky Ada' })).toHaveAttribute(
      'href',
      '/d/smoky-ada',
    );
    expect(within(nth(items, 0)).getByTestId('report-summary')).toHaveTextContent(
      '3 reports: Spam or advertising and Offensive or hateful · first on',
    );
    expect(within(nth(items, 1)).getByTestId('reported-comment')).toHaveTextContent(
      'Buy cheap watches at example.com',
    );
    expect(within(nth(items, 1)).getByTestId('hidden-badge')).toHaveTextContent('Hidden');
    expect(
      within(nth(items, 1)).getByRole('button', { name: 'Restore The comment on Smoky Ada' }),
    ).toBeVisible();
  });

  it('hides a design with a reason', async () => {
    let targets = [target()];
    const { api } = showModeration([], [], {
      'GET /brand/reports/targets': () => jsonResponse({ items: targets }),
      'POST /brand/designs/d-1/hide': () => {
        targets = [];
        return jsonResponse({});
      },
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Hide Smoky Ada' }));
    const dialog = screen.getByRole('dialog', { name: 'Hide Smoky Ada' });
    expect(dialog).toHaveTextContent('It leaves the feeds and the menu');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Insulting name');
    await user.click(within(dialog).getByRole('button', { name: 'Hide it' }));

    expect(await screen.findByTestId('moderation-news')).toHaveTextContent('Smoky Ada is hidden.');
    expect(api.requests.find((r) => r.path === '/brand/designs/d-1/hide')?.body).toEqual({
      reason: 'Insulting name',
    });
    expect(await screen.findByTestId('reported-empty')).toBeInTheDocument();
  });

  it('dismisses a comment’s reports without hiding it', async () => {
    const { api } = showModeration(
      [target({ target_type: 'comment', target_id: 'c-9', title: 'Meh.' })],
      [],
      { 'POST /brand/reports/dismiss': () => new Response(null, { status: 204 }) },
    );
    const user = userEvent.setup();

    await user.click(
      await screen.findByRole('button', {
        name: 'Dismiss the reports on The comment on Smoky Ada',
      }),
    );
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Harsh, not abusive');
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss them' }));

    await waitFor(() => {
      expect(api.requests.find((r) => r.path === '/brand/reports/dismiss')?.body).toEqual({
        target_type: 'comment',
        target_id: 'c-9',
        reason: 'Harsh, not abusive',
      });
    });
  });

  it('fills in the author a report names, and suspends the account until a day', async () => {
    const author = { id: '01937b2e-0000-7000-8000-00000000000a', display_name: 'Troll' };
    const { api } = showModeration([target({ author })], [], {
      [`POST /brand/accounts/${author.id}/suspend`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Moderate its author, Troll' }));
    const section = screen.getByTestId('account-moderation');
    const id = within(section).getByRole('textbox', { name: 'Account id' });
    await waitFor(() => {
      expect(id).toHaveFocus();
    });
    expect(id).toHaveValue(author.id);
    expect(within(section).getByTestId('account-author')).toHaveTextContent('Author: Troll');
    await user.type(within(section).getByLabelText('Suspended until'), '2030-01-15');
    await user.type(within(section).getByRole('textbox', { name: 'Reason' }), 'Rating ring');
    await user.click(within(section).getByRole('button', { name: 'Suspend the account' }));

    expect(await within(section).findByTestId('account-news')).toHaveTextContent(
      `Account ${author.id} is suspended until`,
    );
    expect(api.requests.find((r) => r.path.endsWith('/suspend'))?.body).toEqual({
      until: localMidnightMs('2030-01-15'),
      reason: 'Rating ring',
    });
  });

  it('says why an account could not be banned', async () => {
    const id = '01937b2e-0000-7000-8000-00000000000b';
    showModeration([], [], {
      [`POST /brand/accounts/${id}/ban`]: () =>
        problemResponse({
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          code: 'forbidden',
        }),
    });
    const user = userEvent.setup();

    const section = await screen.findByTestId('account-moderation');
    await user.type(within(section).getByRole('textbox', { name: 'Account id' }), id);
    await user.click(within(section).getByRole('radio', { name: 'Ban' }));
    expect(within(section).queryByLabelText('Suspended until')).toBeNull();
    await user.type(within(section).getByRole('textbox', { name: 'Reason' }), 'Spam');
    await user.click(within(section).getByRole('button', { name: 'Ban the account' }));

    expect(await within(section).findByTestId('form-error')).toHaveTextContent(
      'You are not allowed to do that.',
    );
  });

  it('lists bursts of ratings from new accounts', async () => {
    showModeration(
      [],
      [
        {
          design_id: 'd-1',
          slug: 'smoky-ada',
          name: 'Smoky Ada',
          young_ratings: 8,
          since: Date.UTC(2026, 10, 23, 13),
        },
      ],
    );

    const alert = await screen.findByTestId('alert');
    expect(within(alert).getByRole('link', { name: 'Smoky Ada' })).toHaveAttribute(
      'href',
      '/d/smoky-ada',
    );
    expect(alert).toHaveTextContent('8 ratings from new accounts since');
  });
});
