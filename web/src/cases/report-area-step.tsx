import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useApi } from '../api/use-api';
import { ErrorMessage, Loading } from '../components/status';
import { AreaMap } from './area-map';
import './areas.css';

type PublicArea = paths['/api/v1/public/areas']['get']['responses'][200]['content']['application/json']['items'][number];
type Point = { lat: number; long: number };

const DEBOUNCE_MS = 250;

/**
 * The public form's area step (issue 14, item 6). Before sending, the form asks where
 * the address lies (`/public/areas/match`); when it matches no service area — or there is
 * no address — the resident picks their area: by name, going down the tree, or by a
 * point on a map. The pick travels as `areaUnitId` (and the point as `lat`/`long`), so
 * the case goes to that unit instead of waiting at the top.
 */
export function useAreaStep(address: string) {
  const [asking, setAsking] = useState(false);
  const [picked, setPicked] = useState<PublicArea | null>(null);
  const [point, setPoint] = useState<Point | null>(null);
  const [without, setWithout] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  /** True when the form may send now; otherwise the step is shown and focused. */
  const ready = async (): Promise<boolean> => {
    setError(null);
    if (picked || without) return true;
    if (address.trim()) {
      try {
        const match = await unwrap(api.GET('/api/v1/public/areas/match', { params: { query: { address: address.trim() } } }));
        if (match.area) return true;
      } catch (caught) {
        // The check is a help, not a gate: if it fails the case is sent as before.
        if (caught instanceof ApiError && caught.status === 429) setError(caught);
        else return true;
      }
    }
    setAsking(true);
    requestAnimationFrame(() => heading.current?.focus());
    return false;
  };

  const fields = {
    ...(picked ? { areaUnitId: picked.id } : {}),
    ...(point ? { lat: point.lat, long: point.long } : {}),
  };

  const element = asking ? (
    <AreaStep
      headingRef={heading} hasAddress={address.trim() !== ''} picked={picked} onPick={setPicked}
      point={point} onPoint={setPoint} without={without} onWithout={setWithout} error={error}
    />
  ) : null;
  return { ready, fields, element };
}

interface AreaStepProps {
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  hasAddress: boolean;
  picked: PublicArea | null;
  onPick: (area: PublicArea | null) => void;
  point: Point | null;
  onPoint: (point: Point | null) => void;
  without: boolean;
  onWithout: (without: boolean) => void;
  error: ApiError | null;
}

function AreaStep({ headingRef, hasAddress, picked, onPick, point, onPoint, without, onWithout, error }: AreaStepProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="area-step" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>{t('areas.stepHeading')}</h2>
      <p>{hasAddress ? t('areas.unmatched') : t('areas.noAddress')}</p>
      <ErrorMessage error={error} />
      {picked ? (
        <div className="picked-area">
          <p role="status"><strong>{t('areas.picked', { name: picked.name })}</strong>{picked.ancestorNames.length > 0 && <> <span className="muted">{t('areas.pickedPath', { path: picked.ancestorNames.join(' › ') })}</span></>}</p>
          <button type="button" className="secondary" onClick={() => { onPick(null); onPoint(null); }}>{t('areas.change')}</button>
        </div>
      ) : (
        <>
          <AreaSearch onPick={onPick} />
          <AreaBrowser onPick={onPick} />
          <AreaPoint point={point} onPoint={onPoint} onPick={onPick} />
          <div className="field checkbox">
            <label><input type="checkbox" checked={without} onChange={(e) => onWithout(e.target.checked)} /> {t('areas.sendWithout')}</label>
            <small className="muted">{t('areas.sendWithoutHint')}</small>
          </div>
        </>
      )}
    </section>
  );
}

function AreaLine({ area, onPick, onOpen }: { area: PublicArea; onPick: (area: PublicArea) => void; onOpen?: (area: PublicArea) => void }) {
  const { t } = useTranslation();
  return (
    <li className="area-line">
      <span>
        <strong>{area.name}</strong>
        <br /><span className="muted">{[t(`levels.${area.levelKey}`, { defaultValue: area.levelName }), ...area.ancestorNames.slice(1)].join(' · ')}</span>
      </span>
      <span className="toolbar">
        <button type="button" className="small" aria-label={t('areas.chooseOf', { name: area.name })} onClick={() => onPick(area)}>{t('areas.choose')}</button>
        {onOpen && area.hasChildren && (
          <button type="button" className="secondary small" onClick={() => onOpen(area)}>{t('areas.openBelow', { name: area.name })}</button>
        )}
      </span>
    </li>
  );
}

function AreaSearch({ onPick }: { onPick: (area: PublicArea) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useApi(query.length >= 2 ? `public-areas|q|${query}` : null,
    () => unwrap(api.GET('/api/v1/public/areas', { params: { query: { q: query, limit: 20 } } })));
  return (
    <div>
      <div className="field">
        <label htmlFor={id}>{t('areas.searchLabel')}</label>
        <input id={id} type="search" value={text} aria-describedby={`${id}-hint`} onChange={(e) => setText(e.target.value)} />
        <small id={`${id}-hint`}>{t('areas.searchHint')}</small>
      </div>
      {found.loading && <Loading />}
      <ErrorMessage error={found.error} />
      {found.data && (found.data.items.length === 0
        ? <p className="muted" role="status">{t('areas.noResults')}</p>
        : <ul className="area-list" aria-label={t('areas.searchLabel')}>{found.data.items.map((a) => <AreaLine key={a.id} area={a} onPick={onPick} />)}</ul>)}
    </div>
  );
}

function AreaBrowser({ onPick }: { onPick: (area: PublicArea) => void }) {
  const { t } = useTranslation();
  const [trail, setTrail] = useState<PublicArea[]>([]);
  const within = trail.at(-1);
  const children = useApi(`public-areas|within|${within?.id ?? ''}`,
    () => unwrap(api.GET('/api/v1/public/areas', { params: { query: within ? { within: within.id, limit: 50 } : { limit: 50 } } })));
  return (
    <div>
      <h3>{t('areas.browseHeading')}</h3>
      {within && (
        <p className="toolbar">
          <button type="button" className="secondary small" onClick={() => setTrail(trail.slice(0, -1))}>
            {trail.length > 1 ? t('areas.up', { name: trail.at(-2)!.name }) : t('areas.backToTop')}
          </button>
        </p>
      )}
      <p className="muted">{within ? t('areas.within', { name: within.name }) : t('areas.top')}</p>
      {children.loading && <Loading />}
      <ErrorMessage error={children.error} />
      {children.data && (
        <ul className="area-list" aria-label={within ? t('areas.within', { name: within.name }) : t('areas.top')}>
          {children.data.items.map((a) => <AreaLine key={a.id} area={a} onPick={onPick} onOpen={(area) => setTrail([...trail, area])} />)}
        </ul>
      )}
    </div>
  );
}

function AreaPoint({ point, onPoint, onPick }: { point: Point | null; onPoint: (point: Point | null) => void; onPick: (area: PublicArea) => void }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const tiles = useApi(shown ? 'public-map' : null, () => unwrap(api.GET('/api/v1/public/map')));
  const place = async (lat: number, long: number) => {
    const rounded = { lat: Math.round(lat * 1e6) / 1e6, long: Math.round(long * 1e6) / 1e6 };
    onPoint(rounded);
    setError(null);
    try {
      const match = await unwrap(api.GET('/api/v1/public/areas/match', { params: { query: rounded } }));
      if (match.area) {
        setMessage(t('areas.pointIn', { name: match.area.name }));
        onPick(match.area);
      } else {
        setMessage(t('areas.pointNowhere'));
      }
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)));
    }
  };
  const locate = () => {
    setMessage(t('areas.locating'));
    navigator.geolocation.getCurrentPosition(
      (position) => void place(position.coords.latitude, position.coords.longitude),
      (failure) => setMessage(t('areas.locationFailed', { reason: failure.message })),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 5 });
  return (
    <div>
      <h3>{t('areas.mapHeading')}</h3>
      <p className="toolbar">
        <button type="button" className="secondary" aria-expanded={shown} onClick={() => setShown(!shown)}>{shown ? t('areas.hideMap') : t('areas.showMap')}</button>
        {'geolocation' in navigator && <button type="button" className="secondary" onClick={locate}>{t('areas.useLocation')}</button>}
      </p>
      {shown && (
        <>
          <p className="muted">{t('areas.mapHint')}</p>
          {tiles.loading && <Loading />}
          {tiles.data && <AreaMap label={t('areas.mapLabel')} tiles={tiles.data.tiles} point={point} onTap={(lat, long) => void place(lat, long)} />}
        </>
      )}
      {point && <p className="muted">{t('areas.point', { lat: number.format(point.lat), long: number.format(point.long) })}</p>}
      {message && <p role="status">{message}</p>}
      <ErrorMessage error={error} />
    </div>
  );
}
