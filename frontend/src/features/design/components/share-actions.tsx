import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copy the link, or hand it to X, Facebook or WhatsApp (each in a new tab). */
export function ShareActions({ url, text }: { url: string; text: string }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => {
      setCopy('idle');
    }, 4000);
    return () => {
      clearTimeout(timer);
    };
  }, [copy]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // No clipboard (an insecure origin, a refused permission): the link is shown instead.
      setCopy('failed');
    }
  };

  const encodedUrl = encodeURIComponent(url);
  const targets = [
    {
      key: 'x',
      label: t('share.x'),
      href: `https://twitter.com/intent/tweet?url=${encodedUrl}&text=${encodeURIComponent(text)}`,
    },
    {
      key: 'facebook',
      label: t('share.facebook'),
      href: `https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`,
    },
    {
      key: 'whatsapp',
      label: t('share.whatsapp'),
      href: `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`,
    },
  ];

  return (
    <div className="share" data-testid="share">
      <button
        type="button"
        className="button button-ghost"
        onClick={() => {
          void onCopy();
        }}
      >
        {t('share.copy')}
      </button>
      {targets.map((target) => (
        <a
          key={target.key}
          className="button button-ghost"
          href={target.href}
          target="_blank"
          rel="noopener noreferrer"
          data-testid={`share-${target.key}`}
        >
          {target.label}
          <span className="visually-hidden"> {t('share.newTab')}</span>
        </a>
      ))}
      <p className="share-status" role="status" data-testid="copy-status">
        {copy === 'copied' ? t('share.copied') : null}
        {copy === 'failed' ? t('share.copyFailed', { url }) : null}
      </p>
    </div>
  );
}
