import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { useAnswerInvitation } from '../api/answer-invitation';
import { useDesign } from '../api/get-design';
import { useMyInvitations } from '../api/get-my-invitations';
import type { Invitation } from '../types';
import { publicDesignPath } from '../utils/paths';

/**
 * The designs the signed-in account is invited to co-create, newest first, with the share
 * offered and Accept / Decline. Nothing at all when there are none.
 */
export function Invitations() {
  const { t } = useTranslation();
  const invitations = useMyInvitations();

  if (invitations.isPending) return null;
  if (!invitations.isError && invitations.data.length === 0) return null;
  return (
    <section aria-labelledby="invitations-title" className="section" data-testid="invitations">
      <h2 id="invitations-title">{t('invitations.title')}</h2>
      {invitations.isError ? (
        <Alert tone="error">{apiErrorMessage(invitations.error, t)}</Alert>
      ) : (
        <>
          <p className="muted">{t('invitations.lead')}</p>
          <ul className="design-list">
            {invitations.data.map((invitation) => (
              <InvitationRow key={invitation.design_id} invitation={invitation} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function InvitationRow({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // Only to find the public page of a published design; a draft has none to link to.
  const design = useDesign(invitation.design_id);
  const answer = useAnswerInvitation();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [answered, setAnswered] = useState(false);
  const name = invitation.design_name || t('studioHome.untitled');
  const view = design.data ? publicDesignPath(design.data) : null;
  const invitedOn = new Intl.DateTimeFormat(format.language, { dateStyle: 'medium' }).format(
    new Date(invitation.invited_at),
  );

  // The buttons go once answered: keyboard and screen-reader users land on the answer.
  useEffect(() => {
    if (answered && invitation.status !== 'invited') statusRef.current?.focus();
  }, [answered, invitation.status]);

  const reply = (accept: boolean) => {
    if (answer.isPending) return;
    answer.mutate(
      { designId: invitation.design_id, accept },
      {
        onSuccess: () => {
          setAnswered(true);
        },
      },
    );
  };

  return (
    <li className="design-row invitation-row" data-testid="invitation">
      <div className="design-row-main">
        <p className="design-row-name">{view ? <Link to={view}>{name}</Link> : name}</p>
        <p className="design-row-meta">
          <span>{t('invitations.from', { name: invitation.creator_name })}</span>
          <span data-testid="invitation-share">
            {t('invitations.share', { share: format.share(invitation.share_bps) })}
          </span>
          <span>{t('invitations.invitedOn', { date: invitedOn })}</span>
        </p>
        <p ref={statusRef} tabIndex={-1} className="invitation-status">
          <span className={`badge badge-${invitation.status}`} data-testid="invitation-status">
            {t(`invitations.status.${invitation.status}`)}
          </span>
        </p>
        {answer.isError ? <Alert tone="error">{apiErrorMessage(answer.error, t)}</Alert> : null}
      </div>
      {invitation.status === 'invited' ? (
        <div className="design-row-actions">
          <button
            type="button"
            className="button button-primary"
            aria-disabled={answer.isPending}
            aria-label={t('invitations.acceptNamed', { name })}
            onClick={() => {
              reply(true);
            }}
          >
            {answer.isPending && answer.variables.accept
              ? t('invitations.accepting')
              : t('invitations.accept')}
          </button>
          <button
            type="button"
            className="button button-ghost"
            aria-disabled={answer.isPending}
            aria-label={t('invitations.declineNamed', { name })}
            onClick={() => {
              reply(false);
            }}
          >
            {answer.isPending && !answer.variables.accept
              ? t('invitations.declining')
              : t('invitations.decline')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
