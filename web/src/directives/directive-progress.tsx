import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import type { DirectiveView, Progress, ProgressChild } from '../api/directives';
import { useApi } from '../api/use-api';
import { CompletionChart } from '../components/completion-chart';
import { ErrorMessage, Loading } from '../components/status';
import { TableWrap } from '../components/table-wrap';
import { useFormat } from '../i18n/format';
import { useMe } from '../session';

/**
 * The issuer's view of a directive at one unit: counts per state, percent done, overdue,
 * the items' figures against their targets, the child units as a tree of bars and as a
 * ranking (each links one level down), and completion over time.
 */
export function DirectiveProgress({ directive: d, unitId }: { directive: DirectiveView; unitId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const query = { params: { path: { id: d.id }, query: { unitId } } };
  const progress = useApi(`progress|${d.id}|${unitId}`, () => unwrap(api.GET('/api/v1/directives/{id}/progress', query)));
  const history = useApi(`history|${d.id}|${unitId}`, () => unwrap(api.GET('/api/v1/directives/{id}/history', query)));
  const unit = useApi(`unit|${unitId}`, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id: unitId } } })));
  const here = (id: string) => `/directives/${d.id}?unit=${id}`;
  // The issuer's chain may look anywhere below the issuer; others at their own part (the server decides).
  const mayView = (id: string, above: string[]) => d.abilities.manage || me.isAdmin || me.officialUnitIds.some((o) => o === id || above.includes(o));

  const name = unit.data?.name ?? (unitId === d.issuerUnitId ? d.issuerName : '');
  const ancestors = unit.data?.ancestors ?? [];
  const fromIssuer = ancestors.findIndex((a) => a.id === d.issuerUnitId);
  const trail = fromIssuer >= 0 ? ancestors.slice(fromIssuer) : [];

  return (
    <section aria-labelledby="progress-heading" className="progress-view">
      <h2 id="progress-heading">{name ? t('progress.headingAt', { unit: name }) : t('progress.heading')}</h2>
      {trail.length > 0 && (
        <nav aria-label={t('progress.path')} className="breadcrumbs">
          <ol>
            {trail.map((a, index) => (
              <li key={a.id}>
                {mayView(a.id, ancestors.slice(0, fromIssuer + index).map((x) => x.id)) ? <Link href={here(a.id)}>{a.name}</Link> : <span>{a.name}</span>}
              </li>
            ))}
            <li aria-current="page">{name}</li>
          </ol>
        </nav>
      )}
      <ErrorMessage error={progress.error} />
      {!progress.data && !progress.error && <Loading />}
      {progress.data && <Figures p={progress.data} here={here} />}
      <h3>{t('progress.overTime')}</h3>
      <ErrorMessage error={history.error} />
      {history.data && (history.data.days.length === 0
        ? <p className="hint">{t('progress.noHistory')}</p>
        : <CompletionChart days={history.data.days} caption={t('progress.overTimeCaption', { unit: name })} />)}
      {progress.data && progress.data.pendingChanges > 0 && <p className="hint">{t('progress.pending', { count: progress.data.pendingChanges, n: format.number(progress.data.pendingChanges) })}</p>}
    </section>
  );
}

function Figures({ p, here }: { p: Progress; here: (unitId: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pct = (n: number) => t('progress.percent', { n: format.number(n) });
  return (
    <>
      <p className="completion">
        <meter min={0} max={100} value={p.percentDone} aria-labelledby="completion-text" />
        <span id="completion-text">{t('progress.summary', { pct: pct(p.percentDone), done: format.number(p.counts.done), all: format.number(p.assignments) })}</span>
      </p>
      <dl className="counts" aria-label={t('progress.byState')}>
        {(['received', 'acknowledged', 'in_progress', 'done', 'blocked'] as const).map((s) => (
          <div key={s}><dt>{t(`assignmentStatus.${s}`)}</dt><dd>{format.number(p.counts[s])}</dd></div>
        ))}
        <div><dt>{t('progress.overdue')}</dt><dd className={p.overdue > 0 ? 'error' : undefined}>{format.number(p.overdue)}</dd></div>
      </dl>
      <h3 id="item-figures">{t('progress.items')}</h3>
      <TableWrap labelledBy="item-figures">
        <table>
          <thead><tr><th scope="col">{t('progress.item')}</th><th scope="col" className="num">{t('progress.reported')}</th><th scope="col" className="num">{t('progress.figures')}</th><th scope="col" className="num">{t('progress.averagePercent')}</th></tr></thead>
          <tbody>
            {p.items.map((i) => (
              <tr key={i.index}>
                <th scope="row">{i.title}</th>
                <td className="num">{t('progress.reportedOf', { n: format.number(i.reported), all: format.number(p.assignments) })}</td>
                <td className="num">{i.targetSum === null ? format.number(i.valueSum) : t('progress.ofTarget', { value: format.number(i.valueSum), target: format.number(i.targetSum) })}</td>
                <td className="num">{pct(i.averagePercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {p.children.length > 0 && <CompletionTree items={p.children} here={here} />}
      {p.children.length > 0 && <Ranking items={p.children} here={here} />}
    </>
  );
}

/** A unit's state as its issuer needs it: "received" is work nobody has acknowledged; overdue is said as well. */
function StateBadge({ c }: { c: ProgressChild }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = c.state === 'received' ? t('honesty.notAcknowledged') : t(`assignmentStatus.${c.state}`);
  const tone = c.state === 'received' || c.state === 'blocked' ? 'badge danger' : c.state === 'done' ? 'badge' : 'badge muted-badge';
  return (
    <>
      <span className={tone}>{label}</span>
      {c.overdue > 0 && <> <span className="badge danger">{t('progress.overdueCount', { n: format.number(c.overdue) })}</span></>}
    </>
  );
}

/** The child units in the tree's order, each with a bar and its figures as text; each links one level down. */
function CompletionTree({ items, here }: { items: ProgressChild[]; here: (unitId: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const byName = [...items].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <h3 id="tree-heading">{t('progress.tree')}</h3>
      <ul className="plain-list completion-tree" aria-labelledby="tree-heading">
        {byName.map((c) => (
          <li key={c.unitId}>
            <Link href={here(c.unitId)}>{c.name}</Link>
            <meter min={0} max={100} value={c.percentDone} aria-label={t('progress.doneAt', { unit: c.name })} />
            <span>
              <StateBadge c={c} />{' '}
              {t('progress.childSummary', { pct: t('progress.percent', { n: format.number(c.percentDone) }), done: format.number(c.counts.done), all: format.number(c.assignments) })}
              {' · '}{t('honesty.reportedProgress')}: {t('progress.percent', { n: format.number(c.reportedPercent) })}
              {c.counts.blocked > 0 && <> · {t('progress.blockedCount', { n: format.number(c.counts.blocked) })}</>}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The child units ranked by state, then completion, reported progress and overdue (the server's rank); the laggards can come first. */
function Ranking({ items, here }: { items: ProgressChild[]; here: (unitId: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [laggardsFirst, setLaggardsFirst] = useState(true);
  const rows = [...items].sort((a, b) => (laggardsFirst ? b.rank - a.rank : a.rank - b.rank));
  return (
    <>
      <h3 id="ranking-heading">{t('progress.ranking')}</h3>
      <label className="check"><input type="checkbox" checked={laggardsFirst} onChange={(e) => setLaggardsFirst(e.target.checked)} /> {t('progress.laggardsFirst')}</label>
      <TableWrap labelledBy="ranking-heading">
        <table className="ranking">
          <thead><tr><th scope="col" className="num">{t('progress.rank')}</th><th scope="col">{t('progress.unit')}</th><th scope="col">{t('honesty.state')}</th><th scope="col" className="num">{t('progress.percentDone')}</th><th scope="col" className="num">{t('honesty.reportedProgress')}</th><th scope="col" className="num">{t('progress.overdue')}</th><th scope="col" className="num">{t('assignmentStatus.blocked')}</th></tr></thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.unitId}>
                <td className="num">{format.number(c.rank)}</td>
                <th scope="row"><Link href={here(c.unitId)}>{c.name}</Link></th>
                <td>{c.state === 'received' ? t('honesty.notAcknowledged') : t(`assignmentStatus.${c.state}`)}</td>
                <td className="num">{t('progress.percent', { n: format.number(c.percentDone) })}</td>
                <td className="num">{t('progress.percent', { n: format.number(c.reportedPercent) })}</td>
                <td className={c.overdue > 0 ? 'num error' : 'num'}>{format.number(c.overdue)}</td>
                <td className="num">{format.number(c.counts.blocked)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
