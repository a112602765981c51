import { useEffect, useRef, useState, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { useSession } from '@/lib/auth';
import { apiErrorMessage } from '@/lib/errors';
import { useSetCoCreators } from '../api/set-co-creators';
import type { Design, Split } from '../types';
import {
  checkSplit,
  creatorShareAfter,
  decimalSeparatorOf,
  hasProblems,
  invitedRow,
  parseSharePercent,
  placeSplitErrors,
  rowsFromSplit,
  splitInputOf,
  type PlacedSplit,
  type SplitProblem,
  type SplitRow,
} from '../utils/shares';
import { CoCreatorBadge } from './status-badge';

interface FieldErrors {
  email?: string;
  share?: string;
}

/** The errors of one row, less the one for a field the user has just changed. */
function without(errors: FieldErrors, field: keyof FieldErrors): FieldErrors {
  const kept: FieldErrors = {};
  if (field !== 'email' && errors.email !== undefined) kept.email = errors.email;
  if (field !== 'share' && errors.share !== undefined) kept.share = errors.share;
  return kept;
}

const NO_ERRORS: PlacedSplit<string> = { rows: {}, total: null, general: [] };
const INVITE_EMAIL = 'invite-email';
const INVITE_SHARE = 'invite-share';
const TOTAL_ERROR = '#total';
const GENERAL_ERROR = '#general';
const emailField = (row: SplitRow) => `email-${row.key}`;
const shareField = (row: SplitRow) => `share-${row.key}`;
/** A row's first field: a saved co-creator has only their share. */
const firstField = (row: SplitRow) => (row.accountId === null ? emailField(row) : shareField(row));

/** The rows differ from the saved split: someone added or removed, or a share changed. */
function differs(rows: readonly SplitRow[], saved: Split): boolean {
  if (rows.length !== saved.co_creators.length) return true;
  return rows.some((row) => {
    const before = saved.co_creators.find((co) => co.account_id === row.accountId);
    const share = parseSharePercent(row.share);
    return !before || !share.ok || share.bps !== before.share_bps;
  });
}

/**
 * The creator's split of a design's royalties: each co-creator with their share and answer,
 * what the creator keeps, a row to invite someone, and "Save split", which sends the whole
 * list. Shares are typed in percent and sent in basis points. Its own form, so it sits
 * beside the studio's form rather than inside it.
 */
export function CoCreatorsEditor({ design }: { design: Design }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useSession();
  const creatorEmail = session.session?.account.email;
  const separator = decimalSeparatorOf(format.language);
  const saved = design.split;

  const formRef = useRef<HTMLFormElement>(null);
  const focusField = (name: string) => {
    const element = formRef.current?.elements.namedItem(name);
    if (element instanceof HTMLElement) element.focus();
  };
  const totalRef = useRef<HTMLDivElement>(null);
  const generalRef = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState<SplitRow[]>(() => rowsFromSplit(saved, separator));
  const [inviteEmail, setInviteEmail] = useState('');
  const [inviteShare, setInviteShare] = useState('');
  const [inviteErrors, setInviteErrors] = useState<FieldErrors>({});
  const [errors, setErrors] = useState<PlacedSplit<string>>(NO_ERRORS);
  const [notice, setNotice] = useState<{ tone: 'success' | 'info'; text: string } | null>(null);
  /** What to focus once the next render is on screen: a field's name, or an error message. */
  const pendingFocus = useRef<string | null>(null);
  const saveMutation = useSetCoCreators();
  const saving = useRef(false);

  // Error messages appear, and a removed row's button goes, only on the next render.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target === TOTAL_ERROR) totalRef.current?.focus();
    else if (target === GENERAL_ERROR) generalRef.current?.focus();
    else focusField(target);
  }, [rows, errors, inviteErrors]);

  const say = (problem: SplitProblem) => t(problem.key, problem);
  /** Who a row is: a saved co-creator's name, or the email typed for someone new. */
  const nameOf = (row: SplitRow) =>
    row.accountId === null ? row.email.trim() || t('coCreators.newCoCreator') : row.name;

  /** Keyboard and screen-reader users land on the first thing to fix. */
  const focusFirstError = (placed: PlacedSplit<string>, list: readonly SplitRow[]) => {
    const row = list.find((item) => placed.rows[item.key] !== undefined);
    if (row) {
      pendingFocus.current =
        placed.rows[row.key]?.email !== undefined ? firstField(row) : shareField(row);
    } else {
      pendingFocus.current = placed.total !== null ? TOTAL_ERROR : GENERAL_ERROR;
    }
  };

  const clearRowError = (key: string, field: keyof FieldErrors) => {
    setErrors((current) => {
      const rowErrors = current.rows[key];
      if (rowErrors?.[field] === undefined) return current;
      const kept = without(rowErrors, field);
      const rows = Object.fromEntries(
        Object.entries(current.rows).filter(([rowKey]) => rowKey !== key),
      );
      if (Object.keys(kept).length > 0) rows[key] = kept;
      // A new share may well fix the total.
      return { ...current, rows, total: field === 'share' ? null : current.total };
    });
  };

  const editRow = (key: string, field: 'email' | 'share', value: string) => {
    setRows((current) =>
      current.map((row) => {
        if (row.key !== key) return row;
        if (field === 'share') return { ...row, share: value };
        return row.accountId === null ? { ...row, email: value } : row;
      }),
    );
    setNotice(null);
    clearRowError(key, field);
  };

  const removeRow = (row: SplitRow, index: number) => {
    const next = rows[index + 1] ?? rows[index - 1];
    setRows((current) => current.filter((other) => other.key !== row.key));
    setErrors((current) => ({
      ...current,
      rows: Object.fromEntries(Object.entries(current.rows).filter(([key]) => key !== row.key)),
      total: null,
    }));
    setNotice({
      tone: 'info',
      text: t('coCreators.removed', { name: nameOf(row) }),
    });
    pendingFocus.current = next ? firstField(next) : INVITE_EMAIL;
  };

  /** The invite row, checked against the list; the list with it added, or null if it fails. */
  const addInvite = (): SplitRow[] | null => {
    const row = invitedRow(inviteEmail, inviteShare);
    const checked = checkSplit([...rows, row], creatorEmail);
    const own = checked.rows[row.key];
    const problems: FieldErrors = {};
    if (own?.email) problems.email = say(own.email);
    if (own?.share) problems.share = say(own.share);
    else if (checked.total && !checkSplit(rows, creatorEmail).total) {
      problems.share = say(checked.total);
    }
    setInviteErrors(problems);
    if (problems.email !== undefined || problems.share !== undefined) {
      pendingFocus.current = problems.email !== undefined ? INVITE_EMAIL : INVITE_SHARE;
      return null;
    }
    const next = [...rows, row];
    setRows(next);
    setInviteEmail('');
    setInviteShare('');
    return next;
  };

  const onAdd = () => {
    setNotice(null);
    const next = addInvite();
    if (next)
      setNotice({ tone: 'info', text: t('coCreators.added', { email: inviteEmail.trim() }) });
  };

  const onSave: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    if (saving.current) return;
    setNotice(null);
    let list = rows;
    if (inviteEmail.trim() || inviteShare.trim()) {
      const next = addInvite();
      if (!next) return;
      list = next;
    }
    const problems = checkSplit(list, creatorEmail);
    if (hasProblems(problems)) {
      const placed: PlacedSplit<string> = {
        rows: Object.fromEntries(
          Object.entries(problems.rows).map(([key, rowProblems]) => {
            const messages: FieldErrors = {};
            if (rowProblems.email) messages.email = say(rowProblems.email);
            if (rowProblems.share) messages.share = say(rowProblems.share);
            return [key, messages];
          }),
        ),
        total: problems.total ? say(problems.total) : null,
        general: [t('validation.fixFields')],
      };
      setErrors(placed);
      focusFirstError(placed, list);
      return;
    }
    setErrors(NO_ERRORS);
    saving.current = true;
    saveMutation.mutate(
      { id: design.id, split: splitInputOf(list) },
      {
        onSuccess: (split) => {
          setRows(rowsFromSplit(split, separator));
          setNotice({ tone: 'success', text: t('coCreators.saved') });
        },
        onError: (error) => {
          const placed =
            error instanceof ApiError && error.fieldErrors.length > 0
              ? placeSplitErrors(error.fieldErrors, list)
              : { ...NO_ERRORS, general: [apiErrorMessage(error, t)] };
          if (placed.general.length === 0) placed.general.push(t('validation.fixFields'));
          setErrors(placed);
          focusFirstError(placed, list);
        },
        onSettled: () => {
          saving.current = false;
        },
      },
    );
  };

  const changed = differs(rows, saved);
  const keeps = Math.max(0, creatorShareAfter(rows, saved));
  const waiting = saved.co_creators.filter((co) => co.status === 'invited').length;
  const declined = saved.co_creators.filter((co) => co.status === 'declined').length;
  const agreement = changed
    ? t('coCreators.unsaved')
    : saved.co_creators.length === 0
      ? t('coCreators.none')
      : saved.agreed
        ? t('coCreators.agreed')
        : waiting > 0
          ? t('coCreators.waiting', { count: waiting })
          : t('coCreators.declined', { count: declined });

  return (
    <section
      id="co-creators"
      className="card co-creators"
      aria-labelledby="co-creators-title"
      data-testid="co-creators-editor"
    >
      <h2 id="co-creators-title">{t('coCreators.title')}</h2>
      <p className="muted">{t('coCreators.lead')}</p>

      <div className="split-summary" data-testid="split-summary">
        <p className="split-keeps" data-testid="creator-share">
          {changed
            ? t('coCreators.youWillKeep', { share: format.share(keeps) })
            : t('coCreators.youKeep', { share: format.share(saved.creator_share_bps) })}
        </p>
        <p
          className={
            !changed && saved.agreed && saved.co_creators.length > 0
              ? 'split-agreement split-agreed'
              : 'split-agreement'
          }
          data-testid="split-agreement"
        >
          {agreement}
        </p>
      </div>

      <form
        ref={formRef}
        className="split-form"
        noValidate
        onSubmit={onSave}
        aria-busy={saveMutation.isPending}
        aria-labelledby="co-creators-title"
      >
        {rows.length > 0 ? (
          <ul className="split-list" data-testid="split-rows">
            {rows.map((row, index) => {
              const current = saved.co_creators.find((co) => co.account_id === row.accountId);
              const share = parseSharePercent(row.share);
              const askedAgain =
                current !== undefined && share.ok && share.bps !== current.share_bps;
              const rowErrors = errors.rows[row.key];
              const label = row.accountId === null ? t('coCreators.newCoCreator') : row.name;
              // A saved row has no email field: a problem with the person shows under its name.
              const personError = row.accountId === null ? undefined : rowErrors?.email;
              const personErrorId = `${row.key}-person-error`;
              return (
                <li key={row.key} data-testid="split-row">
                  <fieldset
                    className="split-row"
                    aria-describedby={personError !== undefined ? personErrorId : undefined}
                  >
                    <legend>{label}</legend>
                    <p className="split-row-status">
                      {current ? (
                        <>
                          <CoCreatorBadge status={current.status} />
                          <span>{format.share(current.share_bps)}</span>
                        </>
                      ) : (
                        <span className="badge badge-muted">{t('coCreators.status.unsaved')}</span>
                      )}
                    </p>
                    {personError !== undefined ? (
                      <p
                        id={personErrorId}
                        className="field-error"
                        data-testid="split-person-error"
                      >
                        {personError}
                      </p>
                    ) : null}
                    <div className="split-row-fields">
                      {row.accountId === null ? (
                        <TextField
                          name={emailField(row)}
                          label={t('coCreators.email')}
                          type="email"
                          autoComplete="off"
                          autoCapitalize="none"
                          spellCheck={false}
                          value={row.email}
                          onChange={(event) => {
                            editRow(row.key, 'email', event.target.value);
                          }}
                          error={rowErrors?.email}
                        />
                      ) : null}
                      <TextField
                        name={shareField(row)}
                        label={t('coCreators.share')}
                        hint={askedAgain ? t('coCreators.askedAgain', { name: label }) : undefined}
                        inputMode="decimal"
                        autoComplete="off"
                        className="split-share-input"
                        value={row.share}
                        onChange={(event) => {
                          editRow(row.key, 'share', event.target.value);
                        }}
                        error={rowErrors?.share}
                      />
                    </div>
                    <button
                      type="button"
                      className="button button-ghost split-remove"
                      aria-label={t('coCreators.removeNamed', { name: nameOf(row) })}
                      onClick={() => {
                        removeRow(row, index);
                      }}
                    >
                      {t('coCreators.remove')}
                    </button>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        ) : null}

        {errors.total !== null ? (
          <div ref={totalRef} tabIndex={-1} className="split-total-error">
            <p className="field-error" role="alert" data-testid="split-total-error">
              {errors.total}
            </p>
          </div>
        ) : null}

        <fieldset className="split-row split-invite">
          <legend>{t('coCreators.invite')}</legend>
          <p className="field-hint">{t('coCreators.inviteHint')}</p>
          <div className="split-row-fields">
            <TextField
              name={INVITE_EMAIL}
              label={t('coCreators.email')}
              type="email"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={inviteEmail}
              onChange={(event) => {
                setInviteEmail(event.target.value);
                setNotice(null);
                setInviteErrors((current) => without(current, 'email'));
              }}
              error={inviteErrors.email}
            />
            <TextField
              name={INVITE_SHARE}
              label={t('coCreators.share')}
              inputMode="decimal"
              autoComplete="off"
              className="split-share-input"
              value={inviteShare}
              onChange={(event) => {
                setInviteShare(event.target.value);
                setNotice(null);
                setInviteErrors((current) => without(current, 'share'));
              }}
              error={inviteErrors.share}
            />
          </div>
          <button
            type="button"
            className="button button-ghost split-add"
            onClick={() => {
              onAdd();
            }}
          >
            {t('coCreators.add')}
          </button>
        </fieldset>

        {errors.general.length > 0 ? (
          <div ref={generalRef} tabIndex={-1} className="split-general-error">
            <Alert tone="error" testId="split-error">
              {errors.general.join(' ')}
            </Alert>
          </div>
        ) : null}
        {notice ? (
          <Alert tone={notice.tone} testId="split-notice">
            {notice.text}
          </Alert>
        ) : null}
        <button
          type="submit"
          className="button button-primary split-save"
          aria-disabled={saveMutation.isPending}
        >
          {saveMutation.isPending ? t('coCreators.saving') : t('coCreators.save')}
        </button>
      </form>
    </section>
  );
}
