import { useTranslation } from 'react-i18next';
import { fileUrl, type DirectiveFile } from '../api/directive-files';
import { useFormat } from '../i18n/format';

/** Files of a directive or a report, each a link: photos open in the browser, anything else downloads. */
export function FileLinks({ files, label }: { files: DirectiveFile[]; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (files.length === 0) return null;
  return (
    <ul className="plain-list file-links" aria-label={label}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={fileUrl(f.id)} {...(f.mediaType.startsWith('image/') ? {} : { download: f.name })}>{f.name}</a>{' '}
          <span className="muted">({t('files.size', { kb: format.number(Math.ceil(f.size / 1024)) })})</span>
        </li>
      ))}
    </ul>
  );
}
