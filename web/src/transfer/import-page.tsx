import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { importFiles, type ImportReport } from '../api/import-files';
import { TableWrap } from '../components/table-wrap';
import { ErrorMessage } from '../components/status';
import { useFormat } from '../i18n/format';
import { useMe } from '../session';
import { usePageTitle } from '../components/page-title';

type Phase = 'choose' | 'checking' | 'checked' | 'importing' | 'done';

/** Administrators load units and members from CSV: check first (nothing written), then confirm. */
export function ImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [units, setUnits] = useState<File>();
  const [members, setMembers] = useState<File>();
  const [phase, setPhase] = useState<Phase>('choose');
  const [progress, setProgress] = useState<{ file: string; rows: number } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  usePageTitle(t('import.title'));

  if (!me.isAdmin) return <><h1>{t('import.title')}</h1><p>{t('import.adminsOnly')}</p></>;

  const run = async (dryRun: boolean) => {
    setPhase(dryRun ? 'checking' : 'importing');
    setError(null);
    setProgress(null);
    setReport(null);
    try {
      await importFiles({ units, members }, { dryRun, csrfToken: me.csrfToken }, (event) => {
        if (event.type === 'progress') setProgress({ file: event.file, rows: event.rows });
        else if (event.type === 'report') setReport(event.report);
        else setError(new ApiError(500, event.error.code, event.error.message));
      });
      setPhase(dryRun ? 'checked' : 'done');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', t('errors.network')));
      setPhase('choose');
    }
  };
  const running = phase === 'checking' || phase === 'importing';
  const valid = report !== null && report.problemCount === 0;

  return (
    <>
      <h1>{t('import.title')}</h1>
      <p>{t('import.explain')}</p>
      <form onSubmit={(event) => { event.preventDefault(); void run(true); }}>
        <div className="field">
          <label htmlFor="units-file">{t('import.unitsFile')}</label>
          <input id="units-file" type="file" accept=".csv,text/csv" aria-describedby="units-hint"
            onChange={(e) => { setUnits(e.target.files?.[0]); setPhase('choose'); setReport(null); }} />
          <small id="units-hint">{t('import.unitsHint')}</small>
        </div>
        <div className="field">
          <label htmlFor="members-file">{t('import.membersFile')}</label>
          <input id="members-file" type="file" accept=".csv,text/csv" aria-describedby="members-hint"
            onChange={(e) => { setMembers(e.target.files?.[0]); setPhase('choose'); setReport(null); }} />
          <small id="members-hint">{t('importMatch.membersHint')}</small>
        </div>
        <button type="submit" disabled={running || (!units && !members)}>{t('import.check')}</button>
      </form>
      {running && (
        <div role="status" aria-live="polite" className="progress">
          <p>{phase === 'checking' ? t('import.checking') : t('import.importing')}</p>
          <progress aria-label={t('import.progress')} />
          {progress && <p>{t('import.rowsRead', { file: t(`import.file.${progress.file}`), rows: format.number(progress.rows) })}</p>}
        </div>
      )}
      <ErrorMessage error={error} />
      {report && <ImportReportView report={report} />}
      {phase === 'checked' && valid && (
        <div className="confirm">
          <p>{t('import.readyToImport', { units: format.number(report.units.read), members: format.number(report.members.read) })}</p>
          {report.members.read > 0 && <p>{t('importMatch.wouldDo', { added: format.number(report.members.added), updated: format.number(report.members.updated), unchanged: format.number(report.members.unchanged) })}</p>}
          <button type="button" onClick={() => void run(false)}>{t('import.confirm')}</button>
        </div>
      )}
      {phase === 'done' && report?.committed && <p className="ok" role="status">{t('import.committed', { units: format.number(report.units.written), members: format.number(report.members.written) })}</p>}
    </>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('import.report')}</h2>
      <dl className="counts">
        <div><dt>{t('import.unitsRead')}</dt><dd>{format.number(report.units.read)}</dd></div>
        <div><dt>{t('import.membersRead')}</dt><dd>{format.number(report.members.read)}</dd></div>
        {report.members.read > 0 && <>
          <div><dt>{t('importMatch.added')}</dt><dd>{format.number(report.members.added)}</dd></div>
          <div><dt>{t('importMatch.updated')}</dt><dd>{format.number(report.members.updated)}</dd></div>
          <div><dt>{t('importMatch.unchanged')}</dt><dd>{format.number(report.members.unchanged)}</dd></div>
        </>}
        <div><dt>{t('import.problems')}</dt><dd>{format.number(report.problemCount)}</dd></div>
      </dl>
      {report.problemCount === 0
        ? <p className="ok">{t('import.noProblems')}</p>
        : (
          <>
            <p className="error" role="alert">{t('import.fix', { count: report.problemCount })}</p>
            <TableWrap labelledBy="report-heading">
              <table>
                <thead><tr><th scope="col">{t('import.file.label')}</th><th scope="col">{t('import.line')}</th><th scope="col">{t('import.column')}</th><th scope="col">{t('import.reason')}</th></tr></thead>
                <tbody>
                  {report.problems.map((p, index) => (
                    <tr key={index}><td>{t(`import.file.${p.file}`)}</td><td className="num">{p.line}</td><td>{p.column ?? '—'}</td><td>{p.reason}</td></tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {report.problems.length < report.problemCount && <p className="muted">{t('import.moreProblems', { shown: report.problems.length, count: report.problemCount })}</p>}
          </>
        )}
    </section>
  );
}
