import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import {
  type FakeRoute,
  fakeApi,
  jsonResponse,
  problemResponse,
  testAccount,
  testSession,
} from '@/testing/http';
import { renderRoutes } from '@/testing/render';
import { AccountPage } from './account-page';
import { ForgotPasswordPage } from './forgot-password-page';
import { ResetPasswordPage } from './reset-password-page';
import { SignInPage } from './sign-in-page';
import { VerifyEmailPage } from './verify-email-page';

const routes = [
  { path: 'verify-email', element: <VerifyEmailPage /> },
  { path: 'forgot-password', element: <ForgotPasswordPage /> },
  { path: 'reset-password', element: <ResetPasswordPage /> },
  { path: 'signin', element: <SignInPage /> },
  { path: 'account', element: <AccountPage /> },
];

function stubApi(routes_: Record<string, FakeRoute>) {
  const api = fakeApi(routes_);
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

const invalidToken = () =>
  problemResponse({
    type: 'about:blank',
    title: 'Validation failed',
    status: 422,
    code: 'validation_failed',
    errors: [{ field: 'token', code: 'invalid_token', message: 'is not valid' }],
  });

const accepted = () => new Response(null, { status: 202 });

beforeEach(() => {
  apiClient.session.clear();
});

describe('the email verification link', () => {
  it('verifies the address once and says so', async () => {
    const api = stubApi({
      'POST /auth/verify-email': () => jsonResponse({ verified: true }),
    });
    renderRoutes(routes, '/verify-email?token=tok-1');

    expect(await screen.findByTestId('email-verified')).toHaveTextContent(
      'Your email is verified.',
    );
    const posts = api.requests.filter((r) => r.path === '/auth/verify-email');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ token: 'tok-1' });
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/signin');
  });

  it('offers a new link to a signed-in user whose link has expired', async () => {
    apiClient.session.setSession(testSession());
    const api = stubApi({
      'POST /auth/verify-email': invalidToken,
      'POST /auth/resend-verification': accepted,
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/verify-email?token=old');

    expect(await screen.findByTestId('invalid-token')).toHaveTextContent('This link does not work');
    await user.click(screen.getByRole('button', { name: 'Send the link again' }));

    expect(await screen.findByTestId('verification-sent')).toHaveTextContent(
      'We have sent a new link to ada@example.com.',
    );
    const resend = api.requests.find((r) => r.path === '/auth/resend-verification');
    expect(resend?.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('asks a visitor with a dead link to sign in for a new one', async () => {
    stubApi({ 'POST /auth/verify-email': invalidToken });
    renderRoutes(routes, '/verify-email?token=old');

    expect(await screen.findByTestId('invalid-token')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in to get a new link' })).toHaveAttribute(
      'href',
      `/signin?next=${encodeURIComponent('/account')}`,
    );
    expect(screen.queryByRole('button', { name: 'Send the link again' })).not.toBeInTheDocument();
  });
});

describe('the account page', () => {
  it('asks to verify an unverified email, and sends the link again', async () => {
    apiClient.session.setSession(testSession());
    const api = stubApi({
      'GET /me': () => jsonResponse(testAccount({ email_verified: false })),
      'POST /auth/resend-verification': accepted,
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/account');

    const notice = await screen.findByTestId('unverified-email');
    expect(notice).toHaveTextContent('We sent a link to ada@example.com.');
    await user.click(within(notice).getByRole('button', { name: 'Send the link again' }));

    expect(await within(notice).findByTestId('verification-sent')).toBeInTheDocument();
    expect(api.requests.filter((r) => r.path === '/auth/resend-verification')).toHaveLength(1);
  });

  it('says nothing about a verified email', async () => {
    apiClient.session.setSession(testSession());
    stubApi({ 'GET /me': () => jsonResponse(testAccount({ email_verified: true })) });
    renderRoutes(routes, '/account');

    expect(await screen.findByTestId('account-email')).toHaveTextContent('ada@example.com');
    await waitFor(() => {
      expect(screen.queryByTestId('unverified-email')).not.toBeInTheDocument();
    });
  });
});

describe('a forgotten password', () => {
  it('is reachable from the sign-in form', async () => {
    stubApi({});
    renderRoutes(routes, '/signin');
    expect(await screen.findByRole('link', { name: 'Forgot password?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('sends a link, saying the same whether or not the account exists', async () => {
    const api = stubApi({ 'POST /auth/forgot-password': accepted });
    const user = userEvent.setup();
    renderRoutes(routes, '/forgot-password');

    await user.type(await screen.findByLabelText('Email'), ' nobody@example.com ');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));

    expect(await screen.findByTestId('reset-link-sent')).toHaveTextContent(
      'If an account uses nobody@example.com, we have sent it a link to choose a new password.',
    );
    expect(api.requests.find((r) => r.path === '/auth/forgot-password')?.body).toEqual({
      email: 'nobody@example.com',
    });
  });

  it('checks the address before asking the server', async () => {
    const api = stubApi({});
    const user = userEvent.setup();
    renderRoutes(routes, '/forgot-password');

    await user.type(await screen.findByLabelText('Email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));

    expect(screen.getByLabelText('Email')).toBeInvalid();
    expect(api.requests).toHaveLength(0);
  });
});

describe('resetting the password from the emailed link', () => {
  it('sets the new password, then asks to sign in with it', async () => {
    apiClient.session.setSession(testSession());
    const api = stubApi({
      'POST /auth/reset-password': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/reset-password?token=tok-9');

    await user.type(await screen.findByLabelText('New password'), 'a much better one');
    await user.type(screen.getByLabelText('Confirm the new password'), 'a much better one');
    await user.click(screen.getByRole('button', { name: 'Change my password' }));

    expect(await screen.findByTestId('password-reset-done')).toHaveTextContent(
      'Your password has been changed. Sign in with your new password.',
    );
    expect(router.state.location.pathname).toBe('/signin');
    expect(api.requests.find((r) => r.path === '/auth/reset-password')?.body).toEqual({
      token: 'tok-9',
      password: 'a much better one',
    });
    // Every session was signed out, this one too.
    expect(apiClient.session.getSnapshot().status).toBe('signedOut');
  });

  it('checks the two passwords match before asking the server', async () => {
    const api = stubApi({});
    const user = userEvent.setup();
    renderRoutes(routes, '/reset-password?token=tok-9');

    await user.type(await screen.findByLabelText('New password'), 'a much better one');
    await user.type(screen.getByLabelText('Confirm the new password'), 'a much better two');
    await user.click(screen.getByRole('button', { name: 'Change my password' }));

    expect(screen.getByLabelText('Confirm the new password')).toHaveAccessibleDescription(
      'The two passwords do not match.',
    );
    expect(api.requests).toHaveLength(0);
  });

  it('says when the link has expired and offers a new one', async () => {
    stubApi({ 'POST /auth/reset-password': invalidToken });
    const user = userEvent.setup();
    renderRoutes(routes, '/reset-password?token=old');

    await user.type(await screen.findByLabelText('New password'), 'a much better one');
    await user.type(screen.getByLabelText('Confirm the new password'), 'a much better one');
    await user.click(screen.getByRole('button', { name: 'Change my password' }));

    expect(await screen.findByTestId('invalid-token')).toHaveTextContent('This link does not work');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });
});
