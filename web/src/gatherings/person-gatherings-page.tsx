import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { webcalOf, type GatheringItem } from '../api/gatherings';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { ErrorMessage } from '../components/status';
import { useMe } from '../session';
import { usePageTitle } from '../components/page-title';
import { UpcomingAndPast, type LoadGatherings } from './gathering-list';
import { MyInvitation } from './my-invitation';

/** The gatherings a person is invited to; for the reader's own: answers, check-in, and the calendar address. */
export function PersonGatheringsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const mine = me.personId === id;
  const person = useApi(mine ? null : id, () => unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id } } })));
  const title = mine ? t('myGatherings.title') : person.data ? t('myGatherings.titleOf', { name: person.data.name }) : t('gatherings.heading');
  usePageTitle(title);
  const load: LoadGatherings = ({ from, to, cursor, limit }) => unwrap(api.GET('/api/v1/people/{id}/gatherings', {
    params: { path: { id }, query: { limit, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(cursor ? { cursor } : {}) } },
  }));
  return (
    <>
      <h1>{title}</h1>
      <ErrorMessage error={person.error} />
      <UpcomingAndPast listKey={`person|${id}`} load={load} upcomingExtra={mine ? (item) => <UpcomingInvitation item={item} /> : undefined} />
      {mine && <CalendarLink personId={id} />}
    </>
  );
}

/** Answer and check-in for one upcoming gathering: the list has no invitation details, so each row reads its gathering. */
function UpcomingInvitation({ item }: { item: GatheringItem }) {
  const gathering = useApi(`invitation|${item.id}`, () => unwrap(api.GET('/api/v1/gatherings/{id}', { params: { path: { id: item.id } } })));
  if (!gathering.data) return <ErrorMessage error={gathering.error} />;
  return <MyInvitation g={gathering.data} onChanged={gathering.reload} headingLevel={3} />;
}

/** The secret .ics address, made on first request, with a copy button and how to use it. */
function CalendarLink({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();
  const fetchLink = () => action.run(async () => {
    const link = await unwrap(api.GET('/api/v1/people/{id}/calendar-link', { params: { path: { id: personId } } }));
    setUrl(link.url);
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url ?? '');
      setCopied('yes');
    } catch {
      // Without clipboard permission (or over plain http) the address is selected for a manual copy.
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <section aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t('myGatherings.calendar')}</h2>
      <p>{t('myGatherings.calendarExplain')}</p>
      {!url && <button type="button" className="secondary" disabled={action.busy} onClick={() => void fetchLink()}>{t('myGatherings.addToCalendar')}</button>}
      <ErrorMessage error={action.error} />
      {url && (
        <>
          <div className="field">
            <label htmlFor="calendar-url">{t('myGatherings.address')}</label>
            <input id="calendar-url" ref={input} readOnly value={url} onFocus={(e) => e.target.select()} />
          </div>
          <div className="toolbar">
            <button type="button" onClick={() => void copy()}>{t('myGatherings.copy')}</button>
            <a className="button-link" href={webcalOf(url)}>{t('myGatherings.openInApp')}</a>
          </div>
          <p className={copied === 'failed' ? 'error' : 'ok'} role="status">
            {copied === 'yes' ? t('myGatherings.copied') : copied === 'failed' ? t('myGatherings.copyFailed') : ''}
          </p>
          <p className="hint">{t('myGatherings.howTo')}</p>
          <p className="warning" role="note">{t('myGatherings.secret')}</p>
        </>
      )}
    </section>
  );
}
