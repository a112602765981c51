import { describe, expect, it } from 'vitest';
import { localMidnightMs } from '@/lib/dates';
import { i18n } from '@/lib/i18n';
import { buildAccountAction, type AccountActionDraft } from './account-action';

const t = i18n.getFixedT('en');
const now = Date.UTC(2026, 10, 20, 10);
const ID = '01937b2e-0000-7000-8000-00000000000a';

const draft = (overrides: Partial<AccountActionDraft> = {}): AccountActionDraft => ({
  account_id: ID,
  action: 'suspend',
  until: '2026-12-01',
  reason: 'Fake ratings',
  ...overrides,
});

describe('moderating an account', () => {
  it('suspends until the start of a day', () => {
    expect(buildAccountAction(draft(), now, t).input).toEqual({
      accountId: ID,
      action: 'suspend',
      reason: 'Fake ratings',
      until: localMidnightMs('2026-12-01'),
    });
  });

  it('bans and reinstates without a day', () => {
    expect(buildAccountAction(draft({ action: 'ban', until: '' }), now, t).input).toEqual({
      accountId: ID,
      action: 'ban',
      reason: 'Fake ratings',
    });
  });

  it('needs an account id, a future day and a reason', () => {
    expect(
      buildAccountAction(draft({ account_id: 'ada', until: '2026-11-01', reason: ' ' }), now, t)
        .errors,
    ).toEqual({
      account_id: 'An account id looks like 01937b2e-0000-7000-8000-000000000001.',
      until: 'Choose a day in the future.',
      reason: 'This field is required.',
    });
  });
});
