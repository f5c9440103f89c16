import { systemMessage } from './system-message';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { PhotoStrip } from './case-photos';
import { LanguageSwitch } from '../components/layout';
import { ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';

/** The requester's page, reached by the tracking link alone: progress, and their say in the outcome. */
export function TrackPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const tracked = useApi(token, () => unwrap(api.GET('/api/v1/track/{token}', { params: { path: { token } } })));
  const action = useAction();
  const [text, setText] = useState('');
  const [stars, setStars] = useState(5);
  const [comment, setComment] = useState('');
  usePageTitle(t('track.title'));
  const path = { params: { path: { token } } };
  const run = (change: () => Promise<unknown>) => action.run(change, () => { setText(''); tracked.reload(); });

  const c = tracked.data;
  return (
    <main id="main" className="public-page" tabIndex={-1}>
      <div className="brand-row"><span className="brand">Mainstay</span><LanguageSwitch /></div>
      <h1>{t('track.title')}</h1>
      <ErrorMessage error={tracked.error} />
      {!c && !tracked.error && <Loading />}
      {c && (
        <>
          <dl className="details">
            <dt>{t('report.reference')}</dt><dd className="code">{c.reference}</dd>
            <dt>{t('track.status')}</dt><dd><strong>{t(`caseStatus.${c.status}`)}</strong></dd>
            <dt>{t('report.category')}</dt><dd>{c.category.names[i18n.language] ?? c.category.name}</dd>
            <dt>{t('track.owner')}</dt><dd>{c.owningLevel}</dd>
          </dl>
          <PhotoStrip photos={c.photos} reference={c.reference} url={(position) => `/api/v1/track/${encodeURIComponent(token)}/photos/${position}`} />
          <section aria-labelledby="updates-heading">
            <h2 id="updates-heading">{t('track.updates')}</h2>
            <ol className="plain-list timeline">
              {c.updates.map((u, index) => (
                <li key={index}><span className="muted">{format.dateTime(u.at)}</span> · {t(`caseEvent.${u.kind}`, { defaultValue: u.kind })}{u.message ? `: ${systemMessage(t, u.message, format.dateTime)}` : u.note ? `: ${u.note}` : ''}</li>
              ))}
            </ol>
          </section>
          <ErrorMessage error={action.error} />
          {c.can.confirm && <button type="button" onClick={() => void run(() => unwrap(api.POST('/api/v1/track/{token}/confirm', path)))}>{t('track.confirm')}</button>}
          {(c.can.reopen || c.can.addInformation) && (
            <div className="field">
              <label htmlFor="track-text">{c.can.reopen ? t('track.reopenReason') : t('track.information')}</label>
              <textarea id="track-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
              <div className="toolbar">
                {c.can.addInformation && !c.can.reopen && <button type="button" className="secondary" disabled={!text.trim()} onClick={() => void run(() => unwrap(api.POST('/api/v1/track/{token}/information', { ...path, body: { text } })))}>{t('track.send')}</button>}
                {c.can.reopen && <button type="button" className="secondary" disabled={!text.trim()} onClick={() => void run(() => unwrap(api.POST('/api/v1/track/{token}/reopen', { ...path, body: { reason: text } })))}>{t('track.reopen')}</button>}
              </div>
            </div>
          )}
          {c.can.rate && (
            <form onSubmit={(e) => { e.preventDefault(); void run(() => unwrap(api.POST('/api/v1/track/{token}/rate', { ...path, body: { stars, ...(comment ? { comment } : {}) } }))); }}>
              <div className="field">
                <label htmlFor="track-stars">{t('track.stars')}</label>
                <select id="track-stars" value={stars} onChange={(e) => setStars(Number(e.target.value))}>
                  {[5, 4, 3, 2, 1].map((n) => <option key={n} value={n}>{'★'.repeat(n)} ({n})</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="track-comment">{t('track.comment')}</label>
                <textarea id="track-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
              </div>
              <button type="submit">{t('track.rate')}</button>
            </form>
          )}
          {c.rating && <p className="ok">{t('track.rated', { stars: c.rating.stars })}</p>}
        </>
      )}
    </main>
  );
}
