import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

/** A server's limits, repeated in the browser only to warn early: the server decides. */
export interface FileLimits { count: number; bytes: number; accept: string }

/**
 * What is wrong with the chosen files before they are sent, if anything. `texts` names
 * the catalogue section with `tooMany` and `tooLarge` (photos, files); `already` counts
 * files stored before, against the same limit.
 */
export function useFileProblem(files: File[], limits: FileLimits, texts: string, already = 0): string | null {
  const { t } = useTranslation();
  const max = Math.max(0, limits.count - already);
  if (files.length > max) return t(`${texts}.tooMany`, { max, count: files.length });
  const large = files.find((f) => f.size > limits.bytes);
  return large ? t(`${texts}.tooLarge`, { name: large.name, mb: limits.bytes / 1024 / 1024 }) : null;
}

/**
 * The file input of a form that sends files, with the names and sizes of those chosen.
 * `texts` names the catalogue section with `label`, `hint`, `chosen` and `size`; `label`
 * overrides its label where a page has several pickers.
 */
export function FilePicker({ texts, limits, files, onChange, problem, label }: {
  texts: string; limits: FileLimits; files: File[]; onChange: (files: File[]) => void; problem: string | null; label?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t(`${texts}.label`)}</label>
      <input id={id} type="file" accept={limits.accept} multiple aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        onChange={(e) => onChange([...(e.target.files ?? [])])} />
      <small id={`${id}-hint`}>{t(`${texts}.hint`, { max: limits.count, mb: limits.bytes / 1024 / 1024 })}</small>
      {files.length > 0 && (
        <ul className="plain-list photo-names" aria-label={t(`${texts}.chosen`)}>
          {files.map((f, index) => <li key={`${index}-${f.name}`}>{f.name} <span className="muted">({t(`${texts}.size`, { kb: format.number(Math.ceil(f.size / 1024)) })})</span></li>)}
        </ul>
      )}
      {problem && <p id={`${id}-problem`} className="error" role="alert">{problem}</p>}
    </div>
  );
}
