import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { TableWrap } from '../components/table-wrap';
import { useFormat } from '../i18n/format';
import { useMe } from '../session';
import { usePageTitle } from '../components/page-title';

/** Administrators issue and revoke the keys of a unit's machine clients (the Open311 door). */
export function UnitApiKeysPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const unit = useApi(`unit|${id}`, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  const title = unit.data ? t('apiKeys.titleOf', { unit: unit.data.name }) : t('apiKeys.title');
  usePageTitle(title);
  const header = <><h1>{title}</h1><p><Link href={`/units/${id}`}>{t('cases.backToUnit')}</Link></p></>;
  if (!me.isAdmin) return <>{header}<p>{t('apiKeys.adminsOnly')}</p></>;
  return <>{header}<ApiKeys unitId={id} unitName={unit.data?.name ?? ''} /></>;
}

function ApiKeys({ unitId, unitName }: { unitId: string; unitName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const keys = useApi(`api-keys|${unitId}`, () => unwrap(api.GET('/api/v1/units/{id}/api-keys', { params: { path: { id: unitId } } })));
  const [issuing, setIssuing] = useState(false);
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const issue = useAction();
  const revoke = useAction();

  return (
    <>
      <p>{t('apiKeys.explain')}</p>
      <div className="toolbar"><button type="button" onClick={() => setIssuing(true)}>{t('apiKeys.issue')}</button></div>
      <h2 id="keys-heading">{t('apiKeys.keys')}</h2>
      <ErrorMessage error={keys.error} />
      {keys.loading && !keys.data && <Loading />}
      {keys.data?.items.length === 0 && <Empty>{t('apiKeys.none')}</Empty>}
      {keys.data && keys.data.items.length > 0 && (
        <TableWrap labelledBy="keys-heading">
          <table>
            <thead><tr><th scope="col">{t('apiKeys.name')}</th><th scope="col">{t('apiKeys.issued')}</th><th scope="col">{t('apiKeys.status')}</th><td /></tr></thead>
            <tbody>
              {keys.data.items.map((k) => (
                <tr key={k.id}>
                  <th scope="row">{k.name}</th>
                  <td>{format.dateTime(k.createdAt)}</td>
                  <td>{k.revokedAt ? t('apiKeys.revoked', { date: format.dateTime(k.revokedAt) }) : t('apiKeys.active')}</td>
                  <td>
                    {!k.revokedAt && (
                      <button type="button" className="secondary small" aria-label={t('apiKeys.revokeOf', { name: k.name })} onClick={() => setRevoking({ id: k.id, name: k.name })}>
                        {t('apiKeys.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {issuing && (
        <Dialog title={t('apiKeys.issueTitle', { unit: unitName })} open submitLabel={t('apiKeys.issue')} busy={issue.busy || !name.trim()}
          onClose={() => { setIssuing(false); issue.reset(); }}
          onSubmit={() => issue.run(async () => {
            const created = await unwrap(api.POST('/api/v1/units/{id}/api-keys', { params: { path: { id: unitId } }, body: { name: name.trim() } }));
            setIssuing(false);
            setIssued({ name: name.trim(), key: created.key });
            setName('');
            keys.reload();
          })}>
          <Field label={t('apiKeys.name')} hint={t('apiKeys.nameHint')} value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
          <ErrorMessage error={issue.error} />
        </Dialog>
      )}
      {issued && <IssuedKey issued={issued} onClose={() => setIssued(null)} />}
      {revoking && (
        <Dialog title={t('apiKeys.revokeTitle', { name: revoking.name })} open danger submitLabel={t('apiKeys.revoke')} busy={revoke.busy}
          onClose={() => { setRevoking(null); revoke.reset(); }}
          onSubmit={() => revoke.run(
            () => unwrap(api.DELETE('/api/v1/units/{id}/api-keys/{keyId}', { params: { path: { id: unitId, keyId: revoking.id } } })),
            () => { setRevoking(null); keys.reload(); },
          )}>
          <p>{t('apiKeys.revokeExplain')}</p>
          <ErrorMessage error={revoke.error} />
        </Dialog>
      )}
    </>
  );
}

/** The key, this once: only its hash is kept, so it can never be shown again. */
function IssuedKey({ issued, onClose }: { issued: { name: string; key: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.key);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, or permission refused): select it for a manual copy.
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <Dialog title={t('apiKeys.newKeyTitle', { name: issued.name })} open submitLabel={t('apiKeys.done')} onClose={onClose} onSubmit={onClose}>
      <p className="warning" role="alert">{t('apiKeys.warning')}</p>
      <div className="field">
        <label htmlFor="issued-key">{t('apiKeys.key')}</label>
        <input id="issued-key" ref={input} className="code" readOnly value={issued.key} onFocus={(e) => e.target.select()} />
      </div>
      <button type="button" className="secondary" onClick={() => void copy()}>{t('apiKeys.copy')}</button>
      {copied && <p role="status" className={copied === 'yes' ? 'ok' : 'error'}>{copied === 'yes' ? t('apiKeys.copied') : t('apiKeys.copyFailed')}</p>}
    </Dialog>
  );
}
