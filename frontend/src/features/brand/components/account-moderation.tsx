import { useId, useState, type ChangeEvent, type Ref, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, FormError } from '@/components/alert';
import { TextAreaField } from '@/components/text-area-field';
import { TextField } from '@/components/text-field';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { useModerateAccount } from '../api/moderate-account';
import type { AccountAction, TeamMember } from '../types';
import {
  ACCOUNT_ACTION_FIELDS,
  buildAccountAction,
  type AccountActionDraft,
  type AccountActionField,
} from '../utils/account-action';

const ACTIONS: readonly AccountAction[] = ['suspend', 'ban', 'reinstate'];

/**
 * Suspend an account until a day, ban it, or reinstate it, by its id (filled in when a report
 * names its author). Its sessions end and its ratings stop counting.
 */
export function AccountModeration({
  author,
  ref,
}: {
  author: TeamMember | null;
  ref?: Ref<HTMLElement>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = useId();
  const moderate = useModerateAccount();
  const [draft, setDraft] = useState<AccountActionDraft>({
    account_id: author?.id ?? '',
    action: 'suspend',
    until: '',
    reason: '',
  });
  const [errors, setErrors] = useState<Partial<Record<AccountActionField, string | undefined>>>({});
  const [news, setNews] = useState<string | null>(null);
  const formId = useId();

  const set =
    (field: AccountActionField) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const { value } = event.target;
      setDraft((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, [field]: undefined }));
    };

  const submit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    setNews(null);
    const built = buildAccountAction(draft, Date.now(), t);
    if (built.errors) {
      setErrors(built.errors);
      const first = ACCOUNT_ACTION_FIELDS.find((field) => built.errors[field] !== undefined);
      const element = first ? event.currentTarget.elements.namedItem(first) : null;
      if (element instanceof HTMLElement) element.focus();
      return;
    }
    setErrors({});
    const { input } = built;
    moderate.mutate(input, {
      onSuccess: () => {
        setNews(
          input.action === 'suspend' && input.until !== undefined
            ? t('moderation.account.done.suspend', {
                id: input.accountId,
                date: format.date(input.until),
              })
            : t(`moderation.account.done.${input.action === 'ban' ? 'ban' : 'reinstate'}`, {
                id: input.accountId,
              }),
        );
        setDraft((current) => ({ ...current, reason: '' }));
      },
    });
  };

  const busy = moderate.isPending;
  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      className="section"
      data-testid="account-moderation"
    >
      <h2 id={titleId}>{t('moderation.account.title')}</h2>
      <p className="muted">{t('moderation.account.lead')}</p>
      <form
        id={formId}
        className="form brand-settings-form"
        noValidate
        onSubmit={submit}
        aria-busy={busy}
        aria-labelledby={titleId}
      >
        {author ? (
          <p className="brand-notice" data-testid="account-author">
            {t('moderation.account.author', { name: author.display_name })}
          </p>
        ) : null}
        <TextField
          name="account_id"
          label={t('moderation.account.id')}
          hint={t('moderation.account.idHint')}
          value={draft.account_id}
          error={errors.account_id}
          onChange={set('account_id')}
          autoComplete="off"
          spellCheck={false}
        />
        <fieldset className="brand-choices">
          <legend>{t('moderation.account.action')}</legend>
          <ul className="brand-choice-list">
            {ACTIONS.map((action) => (
              <li key={action}>
                <label className="brand-choice">
                  <input
                    type="radio"
                    name={`${formId}-action`}
                    value={action}
                    checked={draft.action === action}
                    onChange={() => {
                      setDraft((current) => ({ ...current, action }));
                      setErrors((current) => ({ ...current, until: undefined }));
                    }}
                  />
                  {t(`moderation.account.actions.${action}`)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {draft.action === 'suspend' ? (
          <TextField
            name="until"
            type="date"
            label={t('moderation.account.until')}
            hint={t('moderation.account.untilHint')}
            value={draft.until}
            error={errors.until}
            onChange={set('until')}
          />
        ) : null}
        <TextAreaField
          name="reason"
          label={t('moderation.reason')}
          hint={t('moderation.account.reasonHint')}
          value={draft.reason}
          error={errors.reason}
          onChange={set('reason')}
          rows={3}
          maxLength={2000}
        />
        <FormError message={moderate.isError ? apiErrorMessage(moderate.error, t) : null} />
        {news ? (
          <Alert tone="success" testId="account-news">
            {news}
          </Alert>
        ) : null}
        <div className="button-row">
          <button
            type="submit"
            className={
              draft.action === 'reinstate' ? 'button button-primary' : 'button button-danger'
            }
            disabled={busy}
          >
            {busy ? t('moderation.sending') : t(`moderation.account.submit.${draft.action}`)}
          </button>
        </div>
      </form>
    </section>
  );
}
