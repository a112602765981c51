import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import { jsonResponse, problemResponse, testSession } from '@/testing/http';
import { renderWithRouter } from '@/testing/render';
import { ChangePasswordForm } from './change-password-form';
import { SignInForm } from './sign-in-form';
import { SignUpForm } from './sign-up-form';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  apiClient.session.clear();
});

async function fillSignUp(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Display name'), 'Ada');
  await user.type(screen.getByLabelText('Password'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('sign-up form', () => {
  it('shows a server field error beside its field', async () => {
    fetchMock.mockResolvedValue(
      problemResponse({
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        code: 'validation_failed',
        errors: [{ field: 'display_name', code: 'taken', message: 'is already used by someone' }],
      }),
    );
    const user = userEvent.setup();
    renderWithRouter(<SignUpForm onSignedUp={vi.fn()} />);

    await fillSignUp(user);

    const name = screen.getByLabelText('Display name');
    await waitFor(() => {
      expect(name).toHaveAccessibleDescription(
        expect.stringContaining('is already used by someone'),
      );
    });
    expect(name).toBeInvalid();
    expect(name).toHaveFocus();
    expect(screen.getByLabelText('Email')).toBeValid();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts "email taken" beside the email field', async () => {
    fetchMock.mockResolvedValue(
      problemResponse({ type: 'about:blank', title: 'Conflict', status: 409, code: 'email_taken' }),
    );
    const user = userEvent.setup();
    renderWithRouter(<SignUpForm onSignedUp={vi.fn()} />);

    await fillSignUp(user);

    await waitFor(() => {
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
        'An account already uses this email. Sign in instead?',
      );
    });
  });

  it('checks the password length before asking the server', async () => {
    const user = userEvent.setup();
    renderWithRouter(<SignUpForm onSignedUp={vi.fn()} />);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Display name'), 'Ada');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByTestId('field-error-password')).toHaveTextContent(
      'Use at least 10 characters.',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs the new account in', async () => {
    fetchMock.mockResolvedValue(jsonResponse(testSession('new-token'), 201));
    const onSignedUp = vi.fn();
    const user = userEvent.setup();
    renderWithRouter(<SignUpForm onSignedUp={onSignedUp} />);

    await fillSignUp(user);

    await waitFor(() => {
      expect(onSignedUp).toHaveBeenCalled();
    });
    expect(apiClient.session.accessToken()).toBe('new-token');
    const body = JSON.parse(fetchMock.mock.calls[0]?.[1]?.body as string) as unknown;
    expect(body).toEqual({
      email: 'ada@example.com',
      display_name: 'Ada',
      password: 'correct horse battery',
    });
  });
});

describe('sign-in form', () => {
  async function signIn(user: ReturnType<typeof userEvent.setup>) {
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
  }

  it('shows wrong credentials as a message for the whole form', async () => {
    fetchMock.mockResolvedValue(
      problemResponse({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        code: 'invalid_credentials',
      }),
    );
    const user = userEvent.setup();
    renderWithRouter(<SignInForm onSignedIn={vi.fn()} />);
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That email and password do not match.',
    );
  });

  it('tells how long to wait after too many attempts, in French too', async () => {
    await i18n.changeLanguage('fr');
    fetchMock.mockResolvedValue(
      problemResponse(
        { type: 'about:blank', title: 'Too many', status: 429, code: 'too_many_attempts' },
        { 'Retry-After': '12' },
      ),
    );
    const user = userEvent.setup();
    renderWithRouter(<SignInForm onSignedIn={vi.fn()} />);
    await user.type(screen.getByLabelText('Adresse e-mail'), 'ada@example.com');
    await user.type(screen.getByLabelText('Mot de passe'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Réessayez dans 12 secondes.');
  });
});

describe('change-password form', () => {
  it('shows a wrong current password beside that field', async () => {
    apiClient.session.setSession(testSession());
    fetchMock.mockResolvedValue(
      problemResponse({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        code: 'invalid_credentials',
      }),
    );
    const user = userEvent.setup();
    renderWithRouter(<ChangePasswordForm email="ada@example.com" />);
    await user.type(screen.getByLabelText('Current password'), 'not my password');
    await user.type(screen.getByLabelText('New password'), 'a much better password');
    await user.type(screen.getByLabelText('Confirm the new password'), 'a much better password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(
        'This is not your current password.',
      );
    });
  });
});
