import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { paths } from '../api/schema';
import { useFormat } from '../i18n/format';

type PhotoInfo = paths['/api/v1/cases/{id}']['get']['responses'][200]['content']['application/json']['photos'][number];

/** The server's limits, repeated here only to warn early: the server decides. */
export const PHOTO_LIMITS = { count: 3, bytes: 5 * 1024 * 1024, accept: 'image/jpeg,image/png,image/webp' };

/** What is wrong with the chosen photos before they are sent, if anything. */
export function usePhotoProblem(photos: File[]): string | null {
  const { t } = useTranslation();
  const mb = PHOTO_LIMITS.bytes / 1024 / 1024;
  if (photos.length > PHOTO_LIMITS.count) return t('photos.tooMany', { max: PHOTO_LIMITS.count, count: photos.length });
  const large = photos.find((p) => p.size > PHOTO_LIMITS.bytes);
  return large ? t('photos.tooLarge', { name: large.name, mb }) : null;
}

/** The file input of a form that sends photos, with the names and sizes of those chosen. */
export function PhotoPicker({ photos, onChange, problem }: { photos: File[]; onChange: (photos: File[]) => void; problem: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('photos.label')}</label>
      <input id={id} type="file" accept={PHOTO_LIMITS.accept} multiple aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        onChange={(e) => onChange([...(e.target.files ?? [])])} />
      <small id={`${id}-hint`}>{t('photos.hint', { max: PHOTO_LIMITS.count, mb: PHOTO_LIMITS.bytes / 1024 / 1024 })}</small>
      {photos.length > 0 && (
        <ul className="plain-list photo-names" aria-label={t('photos.chosen')}>
          {photos.map((p, index) => <li key={`${index}-${p.name}`}>{p.name} <span className="muted">({t('photos.size', { kb: format.number(Math.ceil(p.size / 1024)) })})</span></li>)}
        </ul>
      )}
      {problem && <p id={`${id}-problem`} className="error" role="alert">{problem}</p>}
    </div>
  );
}

/** Thumbnails of a case's photos, each a link to the photo itself. */
export function PhotoStrip({ photos, url, reference }: { photos: PhotoInfo[]; url: (position: number) => string; reference: string }) {
  const { t } = useTranslation();
  if (photos.length === 0) return null;
  return (
    <section aria-labelledby="photos-heading">
      <h2 id="photos-heading">{t('photos.heading')}</h2>
      <ul className="plain-list photos">
        {photos.map((p) => (
          <li key={p.position}>
            <a href={url(p.position)}>
              <img src={url(p.position)} alt={t('photos.alt', { position: p.position, count: photos.length, reference })} width={p.width} height={p.height} loading="lazy" />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
