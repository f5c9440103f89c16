import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import './cases.css';

/**
 * After a public report: the tracking address and reference, with copy and share (the
 * phone's own share sheet where the browser has one), and where else the link went.
 */
export function TrackingLink({ reference, token, emailedTo }: { reference: string; token: string; emailedTo: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const address = `${window.location.origin}/track/${token}`;
  const copy = () => {
    void navigator.clipboard.writeText(address).then(() => setCopied('yes'), () => setCopied('failed'));
  };
  const share = () => {
    // A dismissed share sheet rejects; nothing to report.
    void navigator.share({ title: t('reportDone.shareTitle', { reference }), url: address }).catch(() => undefined);
  };
  const canShare = typeof navigator.share === 'function';
  return (
    <section aria-labelledby="received-heading">
      <h2 id="received-heading">{t('report.received')}</h2>
      <p>{t('report.reference')}: <strong className="code" data-testid="reference">{reference}</strong></p>
      <p>{t('report.keepLink')}</p>
      <p>{t('reportDone.address')}:<code className="tracking-address" data-testid="tracking-address">{address}</code></p>
      <div className="toolbar">
        <button type="button" onClick={copy}>{t('reportDone.copy')}</button>
        {canShare && <button type="button" className="secondary" onClick={share}>{t('reportDone.share')}</button>}
      </div>
      <p role="status">{copied === 'yes' ? t('reportDone.copied') : copied === 'failed' ? t('reportDone.copyFailed') : ''}</p>
      <p>{emailedTo ? t('reportDone.emailed', { email: emailedTo }) : t('reportDone.noEmail')}</p>
      <p><Link href={`/track/${token}`}>{t('report.follow')}</Link></p>
      <p className="hint"><Link href="/track">{t('reportDone.lost')}</Link></p>
    </section>
  );
}
