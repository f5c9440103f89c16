import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { ANSWERS, type GatheringView, type Rsvp } from '../api/gatherings';
import { useAction } from '../api/use-action';
import { ErrorMessage } from '../components/status';
import { useFormat } from '../i18n/format';

/** The reader's own invitation: whether they will come, and checking in with the code shown at the gathering. */
export function MyInvitation({ g, onChanged, headingLevel = 2 }: { g: GatheringView; onChanged: () => void; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const codeId = useId();
  const sessionId = useId();
  const [answer, setAnswer] = useState<Rsvp | null>(g.myInvitation?.rsvp ?? null);
  const [code, setCode] = useState('');
  const [session, setSession] = useState(0);
  const rsvp = useAction();
  const checkIn = useAction();
  if (!g.myInvitation) return null;
  const presentAt = new Set(g.myInvitation.attendance.filter((a) => a.status === 'present').map((a) => a.session));
  const upcoming = Date.parse(g.endsAt) > Date.now();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const answerWith = (value: Rsvp) => {
    const before = answer;
    setAnswer(value);
    void rsvp.run(async () => {
      try {
        await unwrap(api.POST('/api/v1/gatherings/{id}/rsvp', { params: { path: { id: g.id } }, body: { answer: value } }));
      } catch (error) {
        setAnswer(before);
        throw error;
      }
    });
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    void checkIn.run(() => unwrap(api.POST('/api/v1/gatherings/{id}/check-in', { params: { path: { id: g.id } }, body: { code: code.trim(), ...(session > 0 ? { session } : {}) } })), () => {
      setCode('');
      onChanged();
    });
  };

  return (
    <section className="my-invitation" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('rsvp.heading')}</Heading>
      {upcoming && g.status === 'sent' && (
        <>
          <div className="toolbar" role="group" aria-label={t('rsvp.question', { title: g.title })}>
            {ANSWERS.map((a) => (
              <button key={a} type="button" className="secondary" aria-pressed={answer === a} disabled={rsvp.busy} onClick={() => answerWith(a)}>{t(`rsvp.${a}`)}</button>
            ))}
          </div>
          <ErrorMessage error={rsvp.error} />
        </>
      )}
      {answer && <p className="muted">{t(`rsvp.said.${answer}`)}</p>}
      {presentAt.size > 0 && (
        <p className="ok">{g.sessions.length > 1
          ? t('checkIn.presentAtSessions', { sessions: [...presentAt].sort().map((s) => s + 1).join(', ') })
          : t('checkIn.present')}</p>
      )}
      {g.abilities.checkIn && !(g.sessions.length === 1 && presentAt.has(0)) && (
        <form className="inline-form" onSubmit={submitCode}>
          {g.sessions.length > 1 && (
            <div className="field">
              <label htmlFor={sessionId}>{t('checkIn.session')}</label>
              <select id={sessionId} value={session} onChange={(e) => setSession(Number(e.target.value))}>
                {g.sessions.map((s) => <option key={s.index} value={s.index}>{s.title ?? t('gatherings.sessionN', { n: s.index + 1 })} · {format.dateTime(s.startsAt)}</option>)}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={codeId}>{t('checkIn.code')}</label>
            <input id={codeId} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required aria-describedby={`${codeId}-hint`}
              value={code} onChange={(e) => setCode(e.target.value)} />
            <small id={`${codeId}-hint`}>{t('checkIn.hint')}</small>
          </div>
          <button type="submit" disabled={checkIn.busy}>{t('checkIn.submit')}</button>
          <ErrorMessage error={checkIn.error} />
        </form>
      )}
    </section>
  );
}
