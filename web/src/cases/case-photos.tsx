import { useTranslation } from 'react-i18next';
import type { paths } from '../api/schema';
import { FilePicker, useFileProblem, type FileLimits } from '../components/file-picker';

type PhotoInfo = paths['/api/v1/cases/{id}']['get']['responses'][200]['content']['application/json']['photos'][number];

/** The server's limits, repeated here only to warn early: the server decides. */
export const PHOTO_LIMITS: FileLimits = { count: 3, bytes: 5 * 1024 * 1024, accept: 'image/jpeg,image/png,image/webp' };

/** What is wrong with the chosen photos before they are sent, if anything. */
export const usePhotoProblem = (photos: File[]) => useFileProblem(photos, PHOTO_LIMITS, 'photos');

/** The file input of a form that sends photos, with the names and sizes of those chosen. */
export function PhotoPicker({ photos, onChange, problem }: { photos: File[]; onChange: (photos: File[]) => void; problem: string | null }) {
  return <FilePicker texts="photos" limits={PHOTO_LIMITS} files={photos} onChange={onChange} problem={problem} />;
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
