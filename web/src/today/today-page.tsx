import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useApi } from '../api/use-api';
import { usePageTitle } from '../components/page-title';
import { Empty, ErrorMessage, Loading } from '../components/status';

type Item = paths['/api/v1/me/today']['get']['responses'][200]['content']['application/json']['items'][number];

const CELL_KINDS = new Set(['cells_not_met', 'cells_overdue_cases', 'cells_unacknowledged']);
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000]];

/** "in 3 hours", "2 days ago": the largest unit that fits, in the reader's language. */
function relative(iso: string, locale: string, now: number): string {
  const diff = Date.parse(iso) - now;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  return format.format(0, 'minute');
}

/** The home page of every signed-in person: what needs them now, most urgent first, each line a link to where it is done. */
export function TodayPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('today.title'));
  const today = useApi('today', () => unwrap(api.GET('/api/v1/me/today')));
  const now = Date.now();
  const cells = today.data?.items.filter((i) => CELL_KINDS.has(i.kind)) ?? [];
  const work = today.data?.items.filter((i) => !CELL_KINDS.has(i.kind)) ?? [];
  const total = today.data ? Object.entries(today.data.counts).filter(([k]) => !CELL_KINDS.has(k)).reduce((n, [, c]) => n + c, 0) : 0;
  const byUnit = new Map<string, Item[]>();
  for (const item of cells) byUnit.set(item.unitId, [...(byUnit.get(item.unitId) ?? []), item]);

  const when = (item: Item) => {
    if (!item.dueAt) return null;
    const at = relative(item.dueAt, i18n.language, now);
    if (item.kind === 'gathering_upcoming') return t('today.startsAt', { when: at });
    if (item.kind === 'attendance_unrecorded') return t('today.heldAt', { when: at });
    return Date.parse(item.dueAt) < now ? t('today.overdueSince', { when: at }) : t('today.dueIn', { when: at });
  };

  return (
    <>
      <h1>{t('today.title')}</h1>
      {today.error && <ErrorMessage error={today.error} />}
      {today.loading && <Loading />}
      {[...byUnit.values()].map((items) => (
        <section key={items[0]!.unitId} aria-labelledby={`below-${items[0]!.unitId}`}>
          <h2 id={`below-${items[0]!.unitId}`}>{t('today.below', { unit: items[0]!.title })}</h2>
          <ul className="plain-list today-list">
            {items.map((item) => (
              <li key={item.kind}><Link href={item.href}>{t(`today.cells.${item.kind as 'cells_not_met'}`, { count: item.count ?? 0 })}</Link></li>
            ))}
          </ul>
        </section>
      ))}
      {today.data && (
        <section aria-labelledby="today-work">
          <h2 id="today-work" className={byUnit.size ? undefined : 'visually-hidden'}>{t('today.yourWork')}</h2>
          {work.length === 0 ? <Empty>{t('today.nothing')}</Empty> : (
            <ul className="plain-list today-list">
              {work.map((item) => {
                const due = when(item);
                const overdue = item.dueAt !== null && Date.parse(item.dueAt) < now && item.kind !== 'attendance_unrecorded';
                return (
                  <li key={`${item.kind}:${item.targetId}`} className="today-item">
                    <Link href={item.href}>
                      <span className="today-kind">{t(`today.kind.${item.kind}`)}</span>
                      <span className="today-title">{item.title}</span>
                    </Link>
                    <span className="badges">
                      {(item.urgency === 'urgent' || item.urgency === 'life_threatening') && <span className="badge danger">{t(`today.urgency.${item.urgency}`)}</span>}
                      {due && <span className={overdue ? 'badge danger' : 'today-when'}>{due}</span>}
                      {item.kind === 'gathering_upcoming' && <span className="today-when">{t(`today.rsvp.${item.rsvp ?? 'none'}`)}</span>}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {work.length < total && <p className="muted">{t('today.more', { shown: work.length, total })}</p>}
        </section>
      )}
    </>
  );
}
