import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useApi } from '../api/use-api';
import { usePages } from '../api/use-pages';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { usePageTitle } from '../components/page-title';
import { DirectiveCompose } from './directive-compose';

/** What a unit issued, newest first, and the form that drafts a new directive. */
export function UnitDirectivesPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unit = useApi(id, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  const issued = usePages(id, (cursor) => unwrap(api.GET('/api/v1/units/{id}/directives', { params: { path: { id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } } })));
  const [composing, setComposing] = useState(false);
  const title = unit.data ? t('directives.titleOf', { unit: unit.data.name }) : t('directives.heading');
  usePageTitle(title);

  return (
    <>
      <h1>{title}</h1>
      <p className="links"><Link href={`/units/${id}`}>{t('cases.backToUnit')}</Link></p>
      <ErrorMessage error={unit.error} />
      {unit.data && (composing
        ? <DirectiveCompose unit={unit.data} onCancel={() => setComposing(false)} />
        : <div className="toolbar"><button type="button" onClick={() => setComposing(true)}>{t('directives.new')}</button></div>)}
      <h2 id="issued-heading">{t('directives.issued')}</h2>
      <ErrorMessage error={issued.error} />
      {issued.items.length === 0 && !issued.loading && !issued.error && <Empty>{t('directives.none')}</Empty>}
      {issued.items.length > 0 && (
        <ul className="plain-list" aria-labelledby="issued-heading">
          {issued.items.map((d) => (
            <li key={d.id} className="row">
              <Link href={`/directives/${d.id}`}>{d.title}</Link>
              <span className="muted">
                <span className={d.status === 'draft' ? 'badge' : undefined}>{t(`directiveStatus.${d.status}`)}</span>
                {' · '}{d.issuedAt ? t('directives.issuedOn', { date: format.date(d.issuedAt) }) : t('directives.createdOn', { date: format.date(d.createdAt) })}
                {d.version > 1 && <> · {t('directives.version', { n: d.version })}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {issued.loading && <Loading />}
      {issued.hasMore && !issued.loading && <button type="button" className="secondary" onClick={issued.more}>{t('common.showMore')}</button>}
    </>
  );
}
