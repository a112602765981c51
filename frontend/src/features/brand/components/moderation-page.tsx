import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';
import type { TeamMember } from '../types';
import { AccountModeration } from './account-moderation';
import { BrandNav } from './brand-nav';
import { BurstAlerts } from './burst-alerts';
import { ReportedTargets } from './reported-targets';
import '../brand.css';

/**
 * /brand/moderation: what members reported, grouped by what it is about (hide, restore or
 * dismiss, with a reason); suspending, banning or reinstating an account; and bursts of
 * ratings from new accounts.
 */
export function ModerationPage() {
  const { t } = useTranslation();
  const [author, setAuthor] = useState<TeamMember | null>(null);
  const accountRef = useRef<HTMLElement>(null);
  useDocumentTitle(t('moderation.title'));

  return (
    <div className="page" data-testid="moderation-page">
      <BrandNav />
      <header className="page-header">
        <h1>{t('moderation.title')}</h1>
        <p className="lead">{t('moderation.lead')}</p>
      </header>
      <ReportedTargets
        onModerateAuthor={(who) => {
          setAuthor(who);
          requestAnimationFrame(() => {
            accountRef.current?.scrollIntoView({ block: 'start' });
            accountRef.current?.querySelector<HTMLElement>('input[name="account_id"]')?.focus();
          });
        }}
      />
      <AccountModeration key={author?.id ?? ''} ref={accountRef} author={author} />
      <BurstAlerts />
    </div>
  );
}
