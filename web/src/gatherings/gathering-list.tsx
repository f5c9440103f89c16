import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { GatheringItem } from '../api/gatherings';
import { useApi } from '../api/use-api';
import { usePages, type Page } from '../api/use-pages';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';

/** Loads a page of gatherings between two instants (either open), latest first, as the API lists them. */
export type LoadGatherings = (range: { from?: string; to?: string; cursor?: string; limit: number }) => Promise<Page<GatheringItem>>;

/**
 * Upcoming gatherings, soonest first, then past ones, latest first, a page at a time.
 * One still going on is upcoming (it has not ended), so it is not listed twice.
 */
export function UpcomingAndPast({ listKey, load, upcomingExtra }: { listKey: string; load: LoadGatherings; upcomingExtra?: (item: GatheringItem) => ReactNode }) {
  const { t } = useTranslation();
  const [now] = useState(() => new Date().toISOString());
  // The upcoming ones are few (a unit plans weeks ahead, not years): one page of the most, shown soonest first.
  const upcoming = useApi(`upcoming|${listKey}`, () => load({ from: now, limit: 200 }));
  const past = usePages(`past|${listKey}`, (cursor) => load({ to: now, limit: 50, ...(cursor ? { cursor } : {}) }));
  const soonestFirst = [...(upcoming.data?.items ?? [])].reverse();
  const pastOnly = past.items.filter((g) => g.endsAt < now);
  return (
    <>
      <h2 id="upcoming-heading">{t('gatherings.upcoming')}</h2>
      <ErrorMessage error={upcoming.error} />
      {upcoming.loading && <Loading />}
      {upcoming.data && soonestFirst.length === 0 && <Empty>{t('gatherings.noUpcoming')}</Empty>}
      {soonestFirst.length > 0 && (
        <ul className="gathering-list" aria-labelledby="upcoming-heading">
          {soonestFirst.map((g) => <GatheringRow key={g.id} item={g}>{upcomingExtra?.(g)}</GatheringRow>)}
        </ul>
      )}
      <h2 id="past-heading">{t('gatherings.past')}</h2>
      <ErrorMessage error={past.error} />
      {!past.loading && !past.error && pastOnly.length === 0 && <Empty>{t('gatherings.noPast')}</Empty>}
      {pastOnly.length > 0 && (
        <ul className="gathering-list" aria-labelledby="past-heading">
          {pastOnly.map((g) => <GatheringRow key={g.id} item={g} />)}
        </ul>
      )}
      {past.loading && <Loading />}
      {past.hasMore && !past.loading && <button type="button" className="secondary" onClick={past.more}>{t('common.showMore')}</button>}
    </>
  );
}

function GatheringRow({ item, children }: { item: GatheringItem; children?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li>
      <Link href={`/gatherings/${item.id}`}>{item.title}</Link>
      <span className="muted">
        {t(`gatheringKind.${item.kind}`, { defaultValue: item.kind })} · <time dateTime={item.startsAt}>{format.dateTime(item.startsAt)}</time>
        {item.place && <> · {item.place}</>}
      </span>
      <span className="badges">
        {item.status !== 'sent' && <span className={item.status === 'cancelled' ? 'badge danger' : 'badge'}>{t(`gatheringStatus.${item.status}`, { defaultValue: item.status })}</span>}
        {item.status === 'sent' && <span className="muted">{t('gatherings.invitedCount', { count: item.invited, n: format.number(item.invited) })}</span>}
        {item.held && <span className="badge muted-badge">{t('gatherings.held')}</span>}
      </span>
      {children}
    </li>
  );
}
