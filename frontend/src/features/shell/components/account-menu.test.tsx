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
  it('leads administrators to the mail viewer', async () => {
    await openMenu(['customer', 'admin']);
    expect(screen.getByRole('link', { name: 'Mail viewer (development)' })).toHaveAttribute(
      'href',
      '/admin/mail',
    );
  });

  it('does not show the mail viewer to anyone else', async () => {
    await openMenu(['customer', 'curator']);
    expect(screen.getByRole('link', { name: 'Account' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Mail viewer/ })).not.toBeInTheDocument();
  });
});
