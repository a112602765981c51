/** The brand's move on an account (suspend until a day, ban, reinstate), read from its form. */
import type { TFunction } from 'i18next';
import { localMidnightMs } from '@/lib/dates';
import type { ModerateAccountInput } from '../api/moderate-account';
import type { AccountAction } from '../types';

export interface AccountActionDraft {
  account_id: string;
  action: AccountAction;
  /** `<input type="date">`: suspended until the start of that day. */
  until: string;
  reason: string;
}

export type AccountActionField = 'account_id' | 'until' | 'reason';

export const ACCOUNT_ACTION_FIELDS: readonly AccountActionField[] = [
  'account_id',
  'until',
  'reason',
];

/** Account ids are UUIDs; anything else cannot name an account. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export function buildAccountAction(
  draft: AccountActionDraft,
  now: number,
  t: TFunction,
):
  | { input: ModerateAccountInput; errors: null }
  | { input: null; errors: Partial<Record<AccountActionField, string>> } {
  const errors: Partial<Record<AccountActionField, string>> = {};
  const accountId = draft.account_id.trim();
  if (accountId === '') errors.account_id = t('validation.required');
  else if (!UUID.test(accountId)) errors.account_id = t('moderation.account.idInvalid');

  let until: number | null = null;
  if (draft.action === 'suspend') {
    until = localMidnightMs(draft.until);
    if (draft.until.trim() === '') errors.until = t('validation.required');
    else if (until === null) errors.until = t('moderation.account.untilInvalid');
    else if (until <= now) errors.until = t('moderation.account.untilPast');
  }

  const reason = draft.reason.trim();
  if (reason === '') errors.reason = t('validation.required');
  else if (reason.length > 2000) errors.reason = t('reasonDialog.tooLong', { count: 2000 });

  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      accountId,
      action: draft.action,
      reason,
      ...(until !== null ? { until } : {}),
    },
    errors: null,
  };
}
