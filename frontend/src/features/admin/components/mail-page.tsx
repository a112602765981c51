import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { apiErrorMessage } from '@/lib/errors';
import { useOutbox } from '../api/get-outbox';
import type { OutboxMail } from '../types';
import { splitLinks } from '../utils/links';

/**
 * /admin/mail: the development mail viewer. Without an SMTP server the app keeps the emails it
 * would have sent (verification and reset links); an admin reads them here, newest first.
 */
export function MailPage() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  const [openId, setOpenId] = useState<string | null>(null);
  useDocumentTitle(t('mail.title'));

  if (outbox.isPending) return <LoadingState label={t('mail.loading')} />;
  if (outbox.isLoadingError) {
    const smtp = outbox.error instanceof ApiError && outbox.error.status === 404;
    return (
      <section className="page page-narrow" data-testid="mail-page">
        <h1>{t('mail.title')}</h1>
        {smtp ? (
          <Alert tone="info" testId="smtp-configured">
            {t('mail.smtp')}
          </Alert>
        ) : (
          <Alert tone="error">{apiErrorMessage(outbox.error, t)}</Alert>
        )}
      </section>
    );
  }
  const mails = outbox.data.pages.flatMap((page) => page.items);
  const open = mails.find((mail) => mail.id === openId) ?? null;
  return (
    <section className="page" data-testid="mail-page">
      <header className="page-header">
        <h1>{t('mail.title')}</h1>
        <p className="lead">{t('mail.lead')}</p>
      </header>
      {mails.length === 0 ? (
        <p className="muted" data-testid="no-mail">
          {t('mail.none')}
        </p>
      ) : (
        <div className="mail-layout">
          <ul className="mail-list" aria-label={t('mail.list')}>
            {mails.map((mail) => (
              <MailRow
                key={mail.id}
                mail={mail}
                open={mail.id === openId}
                onOpen={() => {
                  setOpenId(mail.id);
                }}
              />
            ))}
          </ul>
          {open ? <MailReader mail={open} /> : <p className="muted">{t('mail.pick')}</p>}
        </div>
      )}
      {outbox.hasNextPage ? (
        <p>
          <button
            type="button"
            className="button button-ghost"
            disabled={outbox.isFetchingNextPage}
            onClick={() => void outbox.fetchNextPage()}
          >
            {outbox.isFetchingNextPage ? t('mail.loadingMore') : t('mail.loadMore')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function MailRow({ mail, open, onOpen }: { mail: OutboxMail; open: boolean; onOpen: () => void }) {
  const format = useFormatters();
  return (
    <li>
      <button
        type="button"
        className="mail-row"
        aria-pressed={open}
        data-testid="mail-row"
        onClick={onOpen}
      >
        <span className="mail-subject">{mail.subject}</span>
        <span className="mail-meta muted">
          {mail.to} · {format.dateTime(mail.created_at)}
        </span>
      </button>
    </li>
  );
}

function MailReader({ mail }: { mail: OutboxMail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <article className="card mail-reader" aria-labelledby="mail-subject" data-testid="mail-reader">
      <h2 id="mail-subject">{mail.subject}</h2>
      <dl className="details">
        <div>
          <dt>{t('mail.to')}</dt>
          <dd>{mail.to}</dd>
        </div>
        <div>
          <dt>{t('mail.created')}</dt>
          <dd>{format.dateTime(mail.created_at)}</dd>
        </div>
        <div>
          <dt>{t('mail.sent')}</dt>
          <dd>{mail.sent_at === null ? t('mail.notSent') : format.dateTime(mail.sent_at)}</dd>
        </div>
      </dl>
      <p className="mail-text" data-testid="mail-text">
        {splitLinks(mail.text).map((part, index) =>
          part.kind === 'link' ? (
            <a key={index} href={part.href}>
              {part.href}
            </a>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </article>
  );
}
