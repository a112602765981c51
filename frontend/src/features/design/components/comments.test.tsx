import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { jsonResponse, problemResponse, testAccount, testSession } from '@/testing/http';
import { nth } from '@/testing/lists';
import { comment, publicDesign } from '../testing/fixtures';
import { showDesign } from '../testing/show-design';
import type { Comment } from '../types';

const me = testAccount({ id: 'acc-me', display_name: 'Me' });

beforeEach(() => {
  apiClient.session.clear();
});

const signIn = () => {
  apiClient.session.setSession(testSession('t', me));
};

/** The comments list's items, top-level first then their replies, as their text. */
const commentTexts = () =>
  within(screen.getByTestId('comment-list'))
    .getAllByTestId('comment')
    .map((item) => item.querySelector('.comment-text, .comment-deleted')?.textContent);

describe('the comments under a design', () => {
  it('shows the conversation: replies under their comment, the brand marked, deletions kept', async () => {
    signIn();
    showDesign(publicDesign(), {
      comments: [
        comment({
          id: 'c1',
          body: 'Love the pickles',
          replies: [
            comment({
              id: 'c2',
              parent_id: 'c1',
              body: 'Thanks! More next week.',
              brand: true,
              author: { id: 'acc-brand', display_name: 'Cocreate team' },
            }),
          ],
        }),
        comment({
          id: 'c3',
          body: '',
          deleted: true,
          replies: [comment({ id: 'c4', parent_id: 'c3' })],
        }),
      ],
    });

    await screen.findByTestId('comment-list');
    expect(commentTexts()).toEqual([
      'Love the pickles',
      'Thanks! More next week.',
      'Comment deleted',
      'Comment c4',
    ]);
    const reply = screen.getByRole('article', { name: 'Comment by Cocreate team' });
    expect(within(reply).getByTestId('brand-badge')).toHaveTextContent('Brand');
    // Only top-level comments can be answered.
    expect(screen.getAllByRole('button', { name: /^Reply to/ })).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Reply to Grace' })).toBeInTheDocument();
  });

  it('asks a visitor to sign in to comment', async () => {
    showDesign(publicDesign(), { comments: [comment({ id: 'c1' })] });

    expect(await screen.findByRole('link', { name: 'Sign in to comment' })).toHaveAttribute(
      'href',
      `/signin?next=${encodeURIComponent('/d/smoky-ada')}`,
    );
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Reply/ })).not.toBeInTheDocument();
  });

  it('posts a comment and shows it at the end', async () => {
    signIn();
    const user = userEvent.setup();
    const { api } = showDesign(publicDesign(), {
      comments: [comment({ id: 'c1' })],
      routes: {
        'POST /designs/d-1/comments': ({ body }) =>
          jsonResponse(
            comment({
              id: 'c9',
              body: (body as { body: string }).body,
              author: { id: me.id, display_name: 'Me' },
            }),
            201,
          ),
      },
    });

    await user.type(await screen.findByRole('textbox', { name: 'Add a comment' }), '  Crispy!  ');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    await waitFor(() => {
      expect(commentTexts()).toEqual(['Comment c1', 'Crispy!']);
    });
    const post = api.requests.find(
      (r) => r.method === 'POST' && r.path === '/designs/d-1/comments',
    );
    expect(post?.body).toEqual({ body: 'Crispy!', parent_id: null });
    expect(screen.getByRole('textbox', { name: 'Add a comment' })).toHaveValue('');
  });

  it('refuses an empty comment without asking the server', async () => {
    signIn();
    const user = userEvent.setup();
    const { api } = showDesign(publicDesign());

    await user.click(await screen.findByRole('button', { name: 'Post comment' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Write something first.');
    expect(
      api.requests.some((r) => r.path === '/designs/d-1/comments' && r.method === 'POST'),
    ).toBe(false);
  });

  it('answers a comment under it', async () => {
    signIn();
    const user = userEvent.setup();
    const { api } = showDesign(publicDesign(), {
      comments: [comment({ id: 'c1' }), comment({ id: 'c2' })],
      routes: {
        'POST /designs/d-1/comments': () =>
          jsonResponse(
            comment({
              id: 'r1',
              parent_id: 'c1',
              body: 'Agreed',
              author: { id: me.id, display_name: 'Me' },
            }),
            201,
          ),
      },
    });

    await user.click(nth(await screen.findAllByRole('button', { name: 'Reply to Grace' }), 0));
    await user.type(screen.getByRole('textbox', { name: 'Your reply to Grace' }), 'Agreed');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));

    await waitFor(() => {
      expect(commentTexts()).toEqual(['Comment c1', 'Agreed', 'Comment c2']);
    });
    const post = api.requests.find(
      (r) => r.method === 'POST' && r.path === '/designs/d-1/comments',
    );
    expect(post?.body).toEqual({
      body: 'Agreed',
      parent_id: 'c1',
    });
    expect(screen.queryByRole('textbox', { name: 'Your reply to Grace' })).not.toBeInTheDocument();
  });

  it('says to slow down when posting too fast', async () => {
    signIn();
    const user = userEvent.setup();
    showDesign(publicDesign(), {
      routes: {
        'POST /designs/d-1/comments': () =>
          problemResponse(
            { type: 'about:blank', title: 'Too many', status: 429, code: 'rate_limited' },
            { 'Retry-After': '30' },
          ),
      },
    });

    await user.type(await screen.findByRole('textbox', { name: 'Add a comment' }), 'Again');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Slow down a little: you can try again in 30 seconds.',
    );
  });

  it('loads older pages of comments on request', async () => {
    showDesign(publicDesign(), {
      routes: {
        'GET /designs/d-1/comments?limit=20': () =>
          jsonResponse({ items: [comment({ id: 'c1' })], next_cursor: 'p2' }),
        'GET /designs/d-1/comments?limit=20&cursor=p2': () =>
          jsonResponse({ items: [comment({ id: 'c2' })], next_cursor: null }),
      },
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Load more comments' }));

    await waitFor(() => {
      expect(commentTexts()).toEqual(['Comment c1', 'Comment c2']);
    });
    expect(screen.queryByRole('button', { name: 'Load more comments' })).not.toBeInTheDocument();
  });

  it('says comments are closed on a withdrawn design', async () => {
    signIn();
    showDesign(publicDesign({ status: 'withdrawn' }), { comments: [comment({ id: 'c1' })] });

    expect(await screen.findByText(/Comments are closed/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Add a comment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Reply/ })).not.toBeInTheDocument();
  });
});

describe('one’s own comments', () => {
  const mine = (overrides: Partial<Comment> & { id: string }) =>
    comment({ author: { id: me.id, display_name: 'Me' }, ...overrides });

  it('can be edited during their first 15 minutes, saying how long is left', async () => {
    signIn();
    const user = userEvent.setup();
    const created = Date.now() - 60_000;
    const { api } = showDesign(publicDesign(), {
      comments: [
        mine({
          id: 'c1',
          body: 'Typo',
          created_at: created,
          editable_until: created + 15 * 60_000,
        }),
        mine({ id: 'c2', body: 'Old', editable_until: Date.now() - 1000 }),
      ],
      routes: {
        'PATCH /comments/c1': ({ body }) =>
          jsonResponse(
            mine({ id: 'c1', body: (body as { body: string }).body, edited_at: Date.now() }),
          ),
      },
    });

    const mineShown = await screen.findAllByRole('article', { name: 'Comment by Me' });
    const [fresh, old] = [nth(mineShown, 0), nth(mineShown, 1)];
    expect(fresh).toHaveTextContent('You can edit it for 14 more minutes.');
    expect(within(old).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();

    await user.click(within(fresh).getByRole('button', { name: 'Edit' }));
    const field = screen.getByRole('textbox', { name: 'Edit your comment' });
    expect(field).toHaveValue('Typo');
    await user.clear(field);
    await user.type(field, 'Fixed');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(commentTexts()).toEqual(['Fixed', 'Old']);
    });
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ body: 'Fixed' });
    expect(screen.getAllByRole('article', { name: 'Comment by Me' })[0]).toHaveTextContent(
      'edited',
    );
  });

  it('says when the time to edit ran out on the server', async () => {
    signIn();
    const user = userEvent.setup();
    showDesign(publicDesign(), {
      comments: [mine({ id: 'c1', body: 'Typo' })],
      routes: {
        'PATCH /comments/c1': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Too late',
            status: 409,
            code: 'edit_window_closed',
          }),
      },
    });

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.type(screen.getByRole('textbox', { name: 'Edit your comment' }), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A comment can only be edited in its first 15 minutes.',
    );
  });

  it('are deleted after asking; one with replies stays as “Comment deleted”', async () => {
    signIn();
    const user = userEvent.setup();
    const { api } = showDesign(publicDesign(), {
      comments: [
        mine({ id: 'c1', body: 'Answered', replies: [comment({ id: 'r1', parent_id: 'c1' })] }),
        mine({ id: 'c2', body: 'Alone' }),
      ],
      routes: {
        'DELETE /comments/c1': () => new Response(null, { status: 204 }),
        'DELETE /comments/c2': () => new Response(null, { status: 204 }),
      },
    });

    const mineShown = await screen.findAllByRole('article', { name: 'Comment by Me' });
    const [answered, alone] = [nth(mineShown, 0), nth(mineShown, 1)];
    await user.click(within(alone).getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Delete this comment? This cannot be undone.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete the comment' }));
    await waitFor(() => {
      expect(commentTexts()).toEqual(['Answered', 'Comment r1']);
    });

    await user.click(within(answered).getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete the comment' }));
    await waitFor(() => {
      expect(commentTexts()).toEqual(['Comment deleted', 'Comment r1']);
    });
    expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/comments/c2',
      '/comments/c1',
    ]);
  });
});

describe('reporting', () => {
  it('reports a comment with a reason and a note, then says it is reported', async () => {
    signIn();
    const user = userEvent.setup();
    const { api } = showDesign(publicDesign(), {
      comments: [comment({ id: 'c1' })],
      routes: { 'POST /reports': () => jsonResponse({ id: 'rep-1' }, 201) },
    });

    const report = await screen.findByRole('button', { name: 'Report the comment by Grace' });
    await user.click(report);
    const dialog = screen.getByRole('dialog', { name: 'Report this comment' });
    expect(within(dialog).getByRole('combobox', { name: 'What is wrong?' })).toHaveFocus();
    await user.selectOptions(within(dialog).getByRole('combobox'), 'Offensive or hateful');
    await user.type(within(dialog).getByRole('textbox'), 'Insults another member');
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));

    expect(await screen.findByTestId('reported')).toHaveTextContent('Reported');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.requests.find((r) => r.path === '/reports')?.body).toEqual({
      target_type: 'comment',
      target_id: 'c1',
      reason: 'offensive',
      note: 'Insults another member',
    });
  });

  it('takes a second report of the same design calmly', async () => {
    signIn();
    const user = userEvent.setup();
    const { api } = showDesign(publicDesign(), {
      routes: {
        'POST /reports': () =>
          problemResponse({
            type: 'about:blank',
            title: 'Already reported',
            status: 409,
            code: 'already_reported',
          }),
      },
    });

    await user.click(await screen.findByRole('button', { name: 'Report' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Report this design' })).getByRole('button', {
        name: 'Send report',
      }),
    );

    expect(await screen.findByTestId('reported')).toHaveTextContent(
      'Reported (you had already reported it)',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(api.requests.find((r) => r.path === '/reports')?.body).toEqual({
      target_type: 'design',
      target_id: 'd-1',
      reason: 'spam',
    });
  });

  it('closes the report dialog on Escape, back on its button', async () => {
    signIn();
    const user = userEvent.setup();
    showDesign(publicDesign());

    const report = await screen.findByRole('button', { name: 'Report' });
    await user.click(report);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(report).toHaveFocus();
  });

  it('is not offered to visitors, nor on one’s own design', async () => {
    showDesign(publicDesign(), { comments: [comment({ id: 'c1' })] });
    await screen.findByTestId('comment-list');
    expect(screen.queryByRole('button', { name: /^Report/ })).not.toBeInTheDocument();
  });
});
