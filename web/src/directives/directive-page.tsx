import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { api, unwrap } from '../api/client';
import { translated, type DirectiveView } from '../api/directives';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { useMe } from '../session';
import { usePageTitle } from '../components/page-title';
import { DirectiveActions } from './directive-actions';
import { DirectiveAttachments } from './directive-attachments';
import { DirectiveProgress } from './directive-progress';
import { DirectiveQuestions } from './directive-questions';
import { Amendments, DirectiveText } from './directive-text';

/**
 * A directive: a draft with its reach and the Issue step; an issued one with amend and
 * withdraw, its progress (`?unit=` drills down), its text, amendments and questions.
 */
export function DirectivePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const loaded = useApi(id, () => unwrap(api.GET('/api/v1/directives/{id}', { params: { path: { id } } })));
  const asked = new URLSearchParams(useSearch()).get('unit');
  const d = loaded.data;
  const title = d ? translated(d.title, d.titles, i18n.language) : t('directives.directive');
  usePageTitle(title);
  if (loaded.error) return <><h1>{t('directives.directive')}</h1><ErrorMessage error={loaded.error} /></>;
  if (!d) return <Loading />;

  return (
    <>
      {d.abilities.manage && <p className="links"><Link href={`/units/${d.issuerUnitId}/directives`}>{t('directives.titleOf', { unit: d.issuerName })}</Link></p>}
      <div className="page-title">
        <h1>{title}</h1>
        <p className="subtitle">
          {t('directives.from', { unit: d.issuerName })} · <strong>{t(`directiveStatus.${d.status}`)}</strong>
          {d.version > 0 && <> · {t('directives.version', { n: d.version })}</>}
          {d.issuedAt && <> · {t('directives.issuedOn', { date: format.date(d.issuedAt) })}</>}
        </p>
      </div>
      {d.status === 'withdrawn' && (
        <p className="warning" role="note">{t('directives.withdrawnOn', { date: d.withdrawnAt ? format.date(d.withdrawnAt) : '' })} {d.withdrawReason}</p>
      )}
      <DirectiveActions directive={d} onChanged={loaded.reload} />
      {d.status !== 'draft' && <ProgressAt directive={d} asked={asked} />}
      <DirectiveText directive={d} />
      <DirectiveAttachments directiveId={d.id} status={d.status} files={d.files} canAttach={d.abilities.attach} onChanged={loaded.reload} />
      <Amendments amendments={d.amendments} />
      {d.status !== 'draft' && <DirectiveQuestions directiveId={d.id} questions={d.questions} canAnswer={d.abilities.answer} onChanged={loaded.reload} />}
    </>
  );
}

/**
 * Progress at the unit asked for; else at the issuer for its chain; else at the reader's
 * own unit below the issuer (an official down the tree sees their part).
 */
function ProgressAt({ directive: d, asked }: { directive: DirectiveView; asked: string | null }) {
  const me = useMe();
  const fallback = !asked && !d.abilities.manage && me.officialUnitIds.length > 0;
  const own = useApi(fallback ? `own|${d.id}` : null, async () => {
    const units = await Promise.all(me.officialUnitIds.map((unitId) => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id: unitId } } }))));
    return units.find((u) => u.ancestors.some((a) => a.id === d.issuerUnitId))?.id ?? null;
  });
  const unitId = asked ?? (d.abilities.manage ? d.issuerUnitId : own.data);
  if (!unitId) return <ErrorMessage error={own.error} />;
  return <DirectiveProgress key={unitId} directive={d} unitId={unitId} />;
}
