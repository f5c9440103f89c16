import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { Field } from '../components/field';
import { ErrorMessage } from '../components/status';
import { useMe } from '../session';
import { MailLanguage } from './mail-language';
import { usePageTitle } from '../components/page-title';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [changed, setChanged] = useState(false);
  const action = useAction();
  usePageTitle(t('account.title'));
  const mismatch = repeat.length > 0 && next !== repeat;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <dl className="details">
        <dt>{t('account.email')}</dt><dd>{me.email}</dd>
        {me.personId && <><dt>{t('account.person')}</dt><dd><Link href={`/people/${me.personId}`}>{me.name ?? me.email}</Link></dd></>}
        {me.personId && <><dt>{t('myGatherings.title')}</dt><dd><Link href={`/people/${me.personId}/gatherings`}>{t('myGatherings.calendar')}</Link></dd></>}
      </dl>
      {me.personId && <MailLanguage personId={me.personId} />}
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('account.changePassword')}</h2>
        <form onSubmit={(event) => {
          event.preventDefault();
          if (mismatch) return;
          setChanged(false);
          void action.run(() => unwrap(api.POST('/api/v1/account/password', { body: { currentPassword: current, newPassword: next } })), () => {
            setChanged(true); setCurrent(''); setNext(''); setRepeat('');
          });
        }}>
          <Field label={t('account.current')} type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
          <Field label={t('account.new')} hint={t('account.rules')} type="password" autoComplete="new-password" required minLength={10} value={next} onChange={(e) => setNext(e.target.value)} />
          <Field label={t('account.repeat')} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} aria-invalid={mismatch} />
          {mismatch && <p className="error" role="alert">{t('account.mismatch')}</p>}
          <ErrorMessage error={action.error} />
          {changed && <p className="ok" role="status">{t('account.changed')}</p>}
          <button type="submit" disabled={action.busy || mismatch}>{t('account.changePassword')}</button>
        </form>
      </section>
    </>
  );
}
