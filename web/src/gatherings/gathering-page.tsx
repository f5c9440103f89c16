import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import type { GatheringView } from '../api/gatherings';
import { useLevels } from '../api/levels';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { Dialog } from '../components/dialog';
import { ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';
import { AttendanceTaking } from './gathering-attendance';
import { GatheringChangeActions } from './gathering-change-dialogs';
import { AgendaSection, DecisionsSection } from './gathering-minutes';
import { ConferenceReview } from './gathering-review';
import { MyInvitation } from './my-invitation';

/** One gathering: when and where, invitations, the check-in code, attendance, the agenda with minutes, and decisions. */
export function GatheringPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const gathering = useApi(id, () => unwrap(api.GET('/api/v1/gatherings/{id}', { params: { path: { id } } })));
  // Kept here: the send button goes away once sent, the count of those invited stays.
  const [sentTo, setSentTo] = useState<number | null>(null);
  // What the last edit or cancellation did (who will be told), until the next action.
  const [changed, setChanged] = useState<string | null>(null);
  usePageTitle(gathering.data?.title);

  if (gathering.error) return <><h1>{t('gatherings.gathering')}</h1><ErrorMessage error={gathering.error} /></>;
  if (!gathering.data) return <Loading />;
  const g = gathering.data;
  return (
    <>
      <div className="page-title">
        <h1>{g.title}</h1>
        <p className="subtitle">
          {t(`gatheringKind.${g.kind}`)} · <Link href={`/units/${g.conveningUnitId}/gatherings`}>{g.conveningUnitName}</Link>
          {' · '}<span className={g.status === 'sent' ? undefined : g.status === 'cancelled' ? 'badge danger' : 'badge'}>{t(`gatheringStatus.${g.status}`)}</span>
          {g.heldAt && <> · <span className="badge muted-badge">{t('gatherings.held')}</span></>}
        </p>
      </div>
      {g.status === 'cancelled' && (
        <div className="notice cancelled-notice">
          <p><strong>{t('gatherings.cancelledOn', { date: g.cancelledAt ? format.dateTime(g.cancelledAt) : '' })}</strong></p>
          {g.cancelReason && <p>{t('gatherings.cancelledBecause', { reason: g.cancelReason })}</p>}
        </div>
      )}
      <GatheringChangeActions g={g} onChanged={(message) => { setSentTo(null); setChanged(message); gathering.reload(); }} />
      {changed && <p className="ok" role="status">{changed}</p>}
      <dl className={g.status === 'cancelled' ? 'details cancelled' : 'details'}>
        <dt>{t('gatherings.when')}</dt>
        <dd><time dateTime={g.startsAt}>{format.dateTime(g.startsAt)}</time> – <time dateTime={g.endsAt}>{format.dateTime(g.endsAt)}</time></dd>
        {g.place && <><dt>{t('gatherings.place')}</dt><dd>{g.place}</dd></>}
        {g.onlineUrl && <><dt>{t('gatherings.online')}</dt><dd><a href={g.onlineUrl} target="_blank" rel="noopener noreferrer">{g.onlineUrl}</a></dd></>}
        <dt>{t('gatherings.invitees')}</dt>
        <dd><RuleText g={g} />{g.status !== 'draft' && <> · {t('gatherings.invitedCount', { count: g.invited, n: format.number(g.invited) })}</>}</dd>
      </dl>
      {g.kind === 'course' && (
        <>
          <h2 id="sessions-heading">{t('gatherings.sessions')}</h2>
          <ol className="plain-list" aria-labelledby="sessions-heading">
            {g.sessions.map((s) => (
              <li key={s.index}>
                {s.title ?? t('gatherings.sessionN', { n: s.index + 1 })} · <time dateTime={s.startsAt}>{format.dateTime(s.startsAt)}</time>
              </li>
            ))}
          </ol>
        </>
      )}
      {g.abilities.send && <SendInvitations g={g} onSent={(invited) => { setChanged(null); setSentTo(invited); gathering.reload(); }} />}
      {sentTo !== null && <p className="ok" role="status">{t('gatherings.sent', { count: sentTo, n: format.number(sentTo) })}</p>}
      {g.checkinCode && g.status === 'sent' && (
        <section className="checkin-code" aria-labelledby="code-heading">
          <h2 id="code-heading">{t('gatherings.checkinCode')}</h2>
          <p className="code big-code">{g.checkinCode}</p>
          <p className="hint">{t('gatherings.checkinCodeExplain')}</p>
        </section>
      )}
      {g.myInvitation && <MyInvitation g={g} onChanged={gathering.reload} />}
      {g.abilities.manage && g.status === 'draft' && <p className="notice">{t('gatherings.attendanceAfterSending')}</p>}
      {g.abilities.markAttendance && <AttendanceTaking g={g} />}
      <AgendaSection g={g} onChanged={gathering.reload} />
      <DecisionsSection g={g} onChanged={gathering.reload} />
      {g.kind === 'conference' && g.abilities.manage && g.status !== 'draft' && <ConferenceReview gatheringId={g.id} />}
    </>
  );
}

/** Who the rule invites, in words. */
function RuleText({ g }: { g: GatheringView }) {
  const { t } = useTranslation();
  const { levels, levelName } = useLevels();
  const rule = g.inviteeRule;
  if (rule.rule === 'unit-members') return <>{t('gatherings.ruleMembersShort')}</>;
  if (rule.rule === 'officials-below') return <>{t('gatherings.ruleOfficialsShort')}</>;
  const level = levels.find((l) => l.depth === rule.depth);
  return <>{t('gatherings.ruleSecretariesShort', { level: level ? levelName(level.key) : '' })}</>;
}

function SendInvitations({ g, onSent }: { g: GatheringView; onSent: (invited: number) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const action = useAction();
  return (
    <>
      <div className="toolbar">
        <button type="button" onClick={() => { action.reset(); setOpen(true); }}>{t('gatherings.send')}</button>
      </div>
      <Dialog title={t('gatherings.sendTitle', { title: g.title })} open={open} onClose={() => setOpen(false)} submitLabel={t('gatherings.sendConfirm')} busy={action.busy}
        onSubmit={() => action.run(async () => {
          const result = await unwrap(api.POST('/api/v1/gatherings/{id}/send', { params: { path: { id: g.id } } }));
          setOpen(false);
          onSent(result.invited);
        })}>
        <p><RuleText g={g} /></p>
        <p>{t('gatherings.sendExplain')}</p>
        <ErrorMessage error={action.error} />
      </Dialog>
    </>
  );
}
