import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import type { ConferenceReview as Review } from '../api/gatherings';
import { usePages } from '../api/use-pages';
import { TableWrap } from '../components/table-wrap';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';

type Summary = Pick<Review, 'unitsCovered' | 'unitsRepresented' | 'tasks'>;

/** For a conference: the units it covers, whether each was represented, their meeting regularity, and the tasks it set. */
export function ConferenceReview({ gatheringId }: { gatheringId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [summary, setSummary] = useState<Summary | null>(null);
  const units = usePages(gatheringId, async (cursor) => {
    const page = await unwrap(api.GET('/api/v1/gatherings/{id}/review', { params: { path: { id: gatheringId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));
    setSummary({ unitsCovered: page.unitsCovered, unitsRepresented: page.unitsRepresented, tasks: page.tasks });
    return { items: page.units, nextCursor: page.nextCursor };
  });
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{t('review.heading')}</h2>
      {summary && (
        <p>{t('review.summary', { represented: format.number(summary.unitsRepresented), covered: format.number(summary.unitsCovered) })}</p>
      )}
      <ErrorMessage error={units.error} />
      {units.items.length === 0 && !units.loading && !units.error && <Empty>{t('review.none')}</Empty>}
      {units.items.length > 0 && (
        <TableWrap labelledBy="review-heading">
          <table className="review">
            <thead>
              <tr>
                <th scope="col">{t('review.unit')}</th>
                <th scope="col">{t('review.represented')}</th>
                <th scope="col" className="num">{t('review.present')}</th>
                <th scope="col">{t('review.cadence')}</th>
                <th scope="col">{t('review.lastMet')}</th>
                <th scope="col" className="num">{t('review.meetingsHeld')}</th>
                <th scope="col" className="num">{t('review.attendanceRate')}</th>
              </tr>
            </thead>
            <tbody>
              {units.items.map((u) => (
                <tr key={u.unitId}>
                  <th scope="row"><Link href={`/units/${u.unitId}/meetings`}>{u.name}</Link></th>
                  <td>{u.represented ? t('review.yes') : <span className="badge danger">{t('review.no')}</span>}</td>
                  <td className="num">{t('review.presentOf', { present: format.number(u.present), invited: format.number(u.invited) })}</td>
                  <td>
                    {u.cadence ? t('cadence.every', { count: u.cadence.everyDays, n: format.number(u.cadence.everyDays) }) : <span className="muted">{t('cadence.none')}</span>}
                    {u.cadence?.missedSince && <> <span className="badge danger">{t('meetings.missed')}</span></>}
                  </td>
                  <td>{u.cadence?.lastMetAt ? format.date(u.cadence.lastMetAt) : '—'}</td>
                  <td className="num">{format.number(u.meetingsHeld)}</td>
                  <td className="num">{u.attendanceRate === null ? '—' : t('attendance.percent', { n: format.number(u.attendanceRate) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {units.loading && <Loading />}
      {units.hasMore && !units.loading && <button type="button" className="secondary" onClick={units.more}>{t('common.showMore')}</button>}
      {summary && summary.tasks.length > 0 && (
        <>
          <h3 id="tasks-heading">{t('review.tasks')}</h3>
          <ul className="plain-list" aria-labelledby="tasks-heading">
            {summary.tasks.map((task) => (
              <li key={task.decisionId} className="row">
                <span className="decision-text">{task.text}</span>
                {task.directiveId ? <Link href={`/directives/${task.directiveId}`}>{t('decisions.directive')}</Link> : <span className="muted">{t('review.noDirective')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
