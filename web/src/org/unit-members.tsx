import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { usePages } from '../api/use-pages';
import { Field } from '../components/field';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import type { UnitView } from './unit-page';

/**
 * Above this many members the list waits for a name: ordering a region's hundreds of
 * thousands of members by name takes seconds, and nobody reads such a list; a name
 * of three characters or more is found through the search index instead.
 */
const LIST_ALL_UP_TO = 2_000;
const LARGE_QUERY_MIN = 3;

/** A cell's members, or every member below a higher unit; by name, searchable, a page at a time. */
export function UnitMembers({ unit }: { unit: UnitView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const scope = unit.isCell ? 'direct' : 'subtree';
  const large = !unit.isCell && unit.counts.members > LIST_ALL_UP_TO;
  const waiting = large && q.length < LARGE_QUERY_MIN;
  const members = usePages(waiting ? null : `${unit.id}|${q}|${unit.counts.members}`, (cursor) =>
    unwrap(api.GET('/api/v1/units/{id}/members', {
      params: { path: { id: unit.id }, query: { scope, limit: 50, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } },
    })));
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('unit.membersHeading')}</h2>
      <Field label={t('unit.filterMembers')} type="search" value={text} onChange={(e) => setText(e.target.value)}
        hint={large ? t('unit.typeToFind', { count: unit.counts.members, members: format.number(unit.counts.members), min: LARGE_QUERY_MIN }) : undefined} />
      <ErrorMessage error={members.error} />
      {!waiting && members.items.length === 0 && !members.loading && !members.error && <Empty>{q ? t('unit.noMatchingMembers') : t('unit.noMembers')}</Empty>}
      <ul className="plain-list members">
        {members.items.map((m) => (
          <li key={m.id}>
            <Link href={`/people/${m.id}`}>{m.name}</Link>
            {!unit.isCell && <span className="muted"> · {m.cellName}</span>}
          </li>
        ))}
      </ul>
      {members.loading && <Loading />}
      {members.hasMore && !members.loading && <button type="button" className="secondary" onClick={members.more}>{t('common.showMore')}</button>}
    </section>
  );
}
