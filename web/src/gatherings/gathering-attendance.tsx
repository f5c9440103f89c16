import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../api/client';
import { STATUSES, type AttendanceStatus, type GatheringView, type Invitee } from '../api/gatherings';
import { useFormat } from '../i18n/format';
import { ErrorMessage } from '../components/status';

/** Above this many invitees a name filter helps the secretary find a row faster than scrolling. */
const FILTER_FROM = 20;

const keyOf = (session: number, personId: string) => `${session}|${personId}`;

/**
 * Attendance taking, built for a phone: one row per invitee with three large buttons.
 * Each tap is one request, shown at once (optimistic) and rolled back with a message
 * if the server refuses it. Taps on the same person go out in order, so a quick
 * correction never arrives before the mark it corrects. The counts are the server's
 * plus the taps made here since.
 */
export function AttendanceTaking({ g }: { g: GatheringView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const [session, setSession] = useState(0);
  const [marks, setMarks] = useState<ReadonlyMap<string, AttendanceStatus>>(new Map());
  const [failure, setFailure] = useState<{ name: string; error: ApiError } | null>(null);
  const [more, setMore] = useState<{ items: Invitee[]; cursor: string | null; loading: boolean; error?: ApiError }>({ items: [], cursor: g.moreInvitees, loading: false });
  const [filter, setFilter] = useState('');
  const queue = useRef(new Map<string, Promise<unknown>>());
  const latest = useRef(new Map<string, number>());
  const seq = useRef(0);
  // The server's figures after the latest mark that came back, per session: its rate is the one the statistics use.
  const [confirmed, setConfirmed] = useState<ReadonlyMap<number, GatheringView['sessions'][number]['attendance']>>(new Map());

  const invitees = [...g.invitees, ...more.items];
  const base = (invitee: Invitee) => invitee.attendance.find((a) => a.session === session)?.status;
  const statusOf = (invitee: Invitee) => marks.get(keyOf(session, invitee.personId)) ?? base(invitee);

  const current = g.sessions.find((s) => s.index === session);
  const sessionCounts = current?.attendance ?? { present: 0, excused: 0, absent: 0, expected: g.invited, rate: null };
  const counts = { present: sessionCounts.present, excused: sessionCounts.excused, absent: sessionCounts.absent };
  for (const invitee of invitees) {
    const was = base(invitee);
    const now = marks.get(keyOf(session, invitee.personId));
    if (!now || now === was) continue;
    if (was) counts[was]--;
    counts[now]++;
  }
  const unmarked = Math.max(0, g.invited - counts.present - counts.excused - counts.absent);
  // The server's rate (present among those expected: an unmarked person counts against it), never one worked out here.
  const rate = (confirmed.get(session) ?? sessionCounts).rate;

  const tap = (invitee: Invitee, status: AttendanceStatus) => {
    const key = keyOf(session, invitee.personId);
    const before = marks.get(key);
    const mine = ++seq.current;
    latest.current.set(key, mine);
    setFailure(null);
    setMarks((previous) => new Map(previous).set(key, status));
    const body = { personId: invitee.personId, status, ...(session > 0 ? { session } : {}) };
    const sent = (queue.current.get(key) ?? Promise.resolve())
      .then(() => unwrap(api.POST('/api/v1/gatherings/{id}/attendance', { params: { path: { id: g.id } }, body })))
      .then((marked) => setConfirmed((previous) => new Map(previous).set(marked.session, marked.attendance)))
      .catch((caught: unknown) => {
        // Only the latest tap on a person may roll back: a later one has already replaced it.
        if (latest.current.get(key) !== mine) return;
        setMarks((previous) => {
          const next = new Map(previous);
          if (before) next.set(key, before); else next.delete(key);
          return next;
        });
        setFailure({ name: invitee.name, error: caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)) });
      });
    queue.current.set(key, sent);
  };

  const loadMore = () => {
    if (!more.cursor) return;
    setMore((m) => ({ ...m, loading: true }));
    unwrap(api.GET('/api/v1/gatherings/{id}/invitees', { params: { path: { id: g.id }, query: { cursor: more.cursor, limit: 200 } } })).then(
      (page) => setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor, loading: false })),
      (error: ApiError) => setMore((m) => ({ ...m, loading: false, error })),
    );
  };

  const needle = filter.trim().toLowerCase();
  const shown = needle ? invitees.filter((i) => i.name.toLowerCase().includes(needle) || i.unitName.toLowerCase().includes(needle)) : invitees;
  const showUnit = g.inviteeRule.rule !== 'unit-members' || g.kind === 'conference';

  return (
    <section className="attendance" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('attendance.heading')}</h2>
      {g.sessions.length > 1 && (
        <div className="field filter-field">
          <label htmlFor="attendance-session">{t('attendance.session')}</label>
          <select id="attendance-session" value={session} onChange={(e) => setSession(Number(e.target.value))}>
            {g.sessions.map((s) => (
              <option key={s.index} value={s.index}>{s.title ?? t('gatherings.sessionN', { n: s.index + 1 })} · {format.dateTime(s.startsAt)}</option>
            ))}
          </select>
        </div>
      )}
      <div className="attendance-summary">
        <dl className="counts" aria-label={t('attendance.counts')}>
          <div><dt>{t('attendanceStatus.present')}</dt><dd>{format.number(counts.present)}</dd></div>
          <div><dt>{t('attendanceStatus.excused')}</dt><dd>{format.number(counts.excused)}</dd></div>
          <div><dt>{t('attendanceStatus.absent')}</dt><dd>{format.number(counts.absent)}</dd></div>
          <div><dt>{t('attendance.unmarked')}</dt><dd>{format.number(unmarked)}</dd></div>
          <div><dt>{t('attendance.rate')}</dt><dd>{rate === null ? '—' : t('attendance.percent', { n: format.number(rate) })}</dd></div>
        </dl>
        {failure && <p className="error" role="alert">{t('attendance.failed', { name: failure.name })} <ErrorText error={failure.error} /></p>}
      </div>
      {current && !current.attendanceOpen && (
        <p className="notice" role="note">{t('honesty.attendanceOpensAt', { date: format.dateTime(current.attendanceOpensAt), checkIn: format.dateTime(current.checkInOpensAt) })}</p>
      )}
      {invitees.length > FILTER_FROM && (
        <div className="field filter-field">
          <label htmlFor="attendance-filter">{t('attendance.filter')}</label>
          <input id="attendance-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      )}
      {invitees.length === 0 && <p className="status empty">{t('attendance.nobody')}</p>}
      <ul className="attendance-list">
        {shown.map((invitee) => {
          const status = statusOf(invitee);
          return (
            <li key={invitee.personId}>
              <div className="attendee">
                <span className="attendee-name">{invitee.name}</span>
                {(showUnit || invitee.rsvp) && (
                  <span className="muted">
                    {showUnit && invitee.unitName}
                    {showUnit && invitee.rsvp && ' · '}
                    {invitee.rsvp && t(`rsvp.said.${invitee.rsvp}`)}
                  </span>
                )}
              </div>
              <div className="mark-buttons" role="group" aria-label={invitee.name}>
                {STATUSES.map((s) => (
                  <button key={s} type="button" className={`mark mark-${s}`} aria-pressed={status === s} disabled={current ? !current.attendanceOpen : false} onClick={() => tap(invitee, s)}>
                    {t(`attendanceStatus.${s}`)}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={more.error} />
      {more.cursor && (
        <button type="button" className="secondary" disabled={more.loading} onClick={loadMore}>
          {t('attendance.moreInvitees', { shown: format.number(invitees.length), total: format.number(g.invited) })}
        </button>
      )}
    </section>
  );
}

/** The server's message for a refused tap, in the reader's language where we translate its code. */
function ErrorText({ error }: { error: ApiError }) {
  const { t, i18n } = useTranslation();
  const key = `errors.${error.code}`;
  return <>{i18n.exists(key) ? t(key, error.details) : error.message}</>;
}
