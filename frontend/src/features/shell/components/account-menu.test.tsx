import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { testAccount } from '@/testing/http';
import type { Role } from '@/types/api';
import { renderWithRouter } from '@/testing/render';
import { AccountMenu } from './account-menu';

function openMenu(roles: Role[]) {
  const user = userEvent.setup();
  renderWithRouter(
    <AccountMenu
      account={testAccount({ roles })}
      onSignOut={vi.fn()}
      signingOut={false}
      onNavigate={vi.fn()}
    />,
  );
  return user.click(screen.getByTestId('account-menu-button'));
}

describe('the account menu', () => {
  it('leads administrators to the mail viewer and the audit log', async () => {
    await openMenu(['customer', 'admin']);
    expect(screen.getByRole('link', { name: 'Mail viewer (development)' })).toHaveAttribute(
      'href',
      '/admin/mail',
    );
    expect(screen.getByRole('link', { name: 'Audit log' })).toHaveAttribute('href', '/admin/audit');
  });

  it('does not show the admin pages to anyone else', async () => {
    await openMenu(['customer', 'curator']);
    expect(screen.getByRole('link', { name: 'Account' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Mail viewer/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();
  });
});
