import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { Field } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import { areaFromCorners, areaFromGeoJson, GeoJsonProblem, outlineSize } from './area-geojson';
import { AreaMap } from './area-map';
import type { Area, Position } from './area-map-types';
import './areas.css';

/**
 * Where a unit serves, for routing residents' reports: its outline on a map (drawn corner
 * by corner or uploaded as GeoJSON) and its localities. The level above changes them
 * (`abilities.edit`); the unit's own officials read them.
 */
export function UnitServiceAreaPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const unit = useApi(`unit|${id}`, () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })));
  const area = useApi(`service-area|${id}`, () => unwrap(api.GET('/api/v1/units/{id}/service-area', { params: { path: { id } } })));
  const tiles = useApi('public-map', () => unwrap(api.GET('/api/v1/public/map')));
  const title = unit.data ? t('areas.titleOf', { unit: unit.data.name }) : t('areas.title');
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p><Link href={`/units/${id}`}>{t('cases.backToUnit')}</Link></p>
      <p>{t('areas.explain')}</p>
      <ErrorMessage error={area.error ?? unit.error} />
      {area.loading && !area.data && <Loading />}
      {area.data && (
        <>
          {!area.data.abilities.edit && <p className="muted">{t('areas.readOnly')}</p>}
          <Outline unitId={id} saved={area.data.polygon as Area | null} localities={area.data.localities} updatedAt={area.data.updatedAt}
            edit={area.data.abilities.edit} tiles={tiles.data?.tiles} tilesLoaded={tiles.data !== undefined || tiles.error !== undefined} onSaved={area.reload} />
          <Localities unitId={id} polygon={area.data.polygon as Area | null} localities={area.data.localities} edit={area.data.abilities.edit} onSaved={area.reload} />
        </>
      )}
    </>
  );
}

const put = (unitId: string, polygon: Area | null, localities: string[]) =>
  unwrap(api.PUT('/api/v1/units/{id}/service-area', { params: { path: { id: unitId } }, body: { polygon, localities } }));

function Outline({ unitId, saved, localities, updatedAt, edit, tiles, tilesLoaded, onSaved }: {
  unitId: string; saved: Area | null; localities: string[]; updatedAt: string | null; edit: boolean;
  tiles: { url: string; attribution: string } | null | undefined; tilesLoaded: boolean; onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const fileId = useId();
  const headingId = useId();
  // undefined: the saved outline is shown; an Area or null: an unsaved change.
  const [changed, setChanged] = useState<Area | null | undefined>(undefined);
  const [corners, setCorners] = useState<Position[] | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const save = useAction();
  const shown = changed === undefined ? saved : changed;
  const size = shown ? outlineSize(shown) : null;

  const upload = async (file: File | undefined) => {
    setFileProblem(null);
    if (!file) return;
    try {
      setChanged(areaFromGeoJson(await file.text()));
      setCorners(null);
      setDone(false);
    } catch (caught) {
      setFileProblem(t('areas.badFile', { reason: caught instanceof GeoJsonProblem ? caught.message : String(caught) }));
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('areas.outline')}</h2>
      <p role="status">
        {size ? t('areas.outlineSummary', { count: size.parts, points: size.points }) : t('areas.noOutline')}
        {updatedAt && changed === undefined && <> <span className="muted">{t('areas.lastSaved', { date: format.dateTime(updatedAt) })}</span></>}
      </p>
      {tilesLoaded && (
        <AreaMap label={t('areas.outline')} tiles={tiles} area={corners ? null : shown} draft={corners ?? undefined}
          onTap={corners ? (lat, long) => setCorners([...corners, [Math.round(long * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]]) : undefined} />
      )}
      {edit && corners && (
        <>
          <p role="status">{t('areas.drawHint', { count: corners.length })}</p>
          <div className="toolbar">
            <button type="button" disabled={corners.length < 3} onClick={() => { setChanged(areaFromCorners(corners)); setCorners(null); setDone(false); }}>{t('areas.finish')}</button>
            <button type="button" className="secondary" disabled={corners.length === 0} onClick={() => setCorners(corners.slice(0, -1))}>{t('areas.undoPoint')}</button>
            <button type="button" className="secondary" onClick={() => setCorners(null)}>{t('areas.cancelDrawing')}</button>
          </div>
        </>
      )}
      {edit && !corners && (
        <>
          <div className="toolbar">
            <button type="button" className="secondary" onClick={() => { setCorners([]); setDone(false); }}>{t('areas.draw')}</button>
            {shown && <button type="button" className="secondary" onClick={() => { setChanged(null); setDone(false); }}>{t('areas.removeOutline')}</button>}
          </div>
          <div className="field">
            <label htmlFor={fileId}>{t('areas.upload')}</label>
            <input id={fileId} type="file" accept=".geojson,.json,application/geo+json,application/json" aria-describedby={`${fileId}-hint`}
              onChange={(e) => void upload(e.target.files?.[0])} />
            <small id={`${fileId}-hint`}>{t('areas.uploadHint')}</small>
          </div>
          {fileProblem && <p className="error" role="alert">{fileProblem}</p>}
          {changed !== undefined && (
            <div className="toolbar">
              <p className="muted">{t('areas.unsaved')}</p>
              <button type="button" disabled={save.busy} onClick={() => void save.run(() => put(unitId, changed, localities), () => { setChanged(undefined); setDone(true); onSaved(); })}>
                {t('areas.saveOutline')}
              </button>
            </div>
          )}
          {done && <p role="status">{t('areas.saved')}</p>}
          <ErrorMessage error={save.error} />
        </>
      )}
    </section>
  );
}

function Localities({ unitId, polygon, localities, edit, onSaved }: { unitId: string; polygon: Area | null; localities: string[]; edit: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [name, setName] = useState('');
  const change = useAction();
  const add = (event: FormEvent) => {
    event.preventDefault();
    const next = name.trim();
    if (!next) return;
    void change.run(() => put(unitId, polygon, [...localities, next]), () => { setName(''); onSaved(); });
  };
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('areas.localities')}</h2>
      <p className="muted">{t('areas.localitiesHint')}</p>
      {localities.length === 0 ? <Empty>{t('areas.noLocalities')}</Empty> : (
        <ul className="area-list" aria-labelledby={headingId}>
          {localities.map((l) => (
            <li key={l} className="area-line">
              <span>{l}</span>
              {edit && (
                <button type="button" className="secondary small" aria-label={t('areas.removeOf', { name: l })} disabled={change.busy}
                  onClick={() => void change.run(() => put(unitId, polygon, localities.filter((x) => x !== l)), onSaved)}>
                  {t('areas.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {edit && (
        <form onSubmit={add} className="toolbar">
          <Field label={t('areas.addLocality')} value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={change.busy || !name.trim()}>{t('areas.add')}</button>
        </form>
      )}
      <ErrorMessage error={change.error} />
    </section>
  );
}
