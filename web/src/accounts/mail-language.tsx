import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { ErrorMessage } from '../components/status';
import { LANGUAGES } from '../i18n/i18n';

/** The language the signed-in person's e-mails are written in (issue 14); unset, the installation's. */
export function MailLanguage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const person = useApi(`person-language:${personId}`, () => unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id: personId } } })));
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => { if (person.data) setValue(person.data.language ?? ''); }, [person.data]);
  if (!person.data) return null;
  const save = (next: string) => {
    setValue(next);
    setSaved(false);
    void action.run(
      () => unwrap(api.PATCH('/api/v1/people/{id}', { params: { path: { id: personId } }, body: { language: next === 'en' || next === 'ko' ? next : null } })),
      () => setSaved(true),
    );
  };
  return (
    <section aria-labelledby="mail-language-heading">
      <h2 id="mail-language-heading">{t('mailLanguage.heading')}</h2>
      <div className="field">
        <label htmlFor="mail-language">{t('mailLanguage.label')}</label>
        <select id="mail-language" value={value} disabled={action.busy} onChange={(e) => save(e.target.value)}>
          <option value="">{t('mailLanguage.installation')}</option>
          {LANGUAGES.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.label}</option>)}
        </select>
      </div>
      {saved && <p className="ok" role="status">{t('mailLanguage.saved')}</p>}
      <ErrorMessage error={action.error} />
    </section>
  );
}
