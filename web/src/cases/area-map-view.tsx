import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './area-map.css';
import type { Area, MapTiles, Position } from './area-map-types';

export interface AreaMapProps {
  label: string;
  /** The installation's tile server; null: a blank background (the shapes and the point still draw). */
  tiles: MapTiles | null | undefined;
  area?: Area | null | undefined;
  /** The corners of an outline being drawn, in order. */
  draft?: Position[] | undefined;
  point?: { lat: number; long: number } | null | undefined;
  /** A tap (or click) on the map. */
  onTap?: ((lat: number, long: number) => void) | undefined;
}

const polygonsOf = (area: Area): Position[][][] => (area.type === 'Polygon' ? [area.coordinates] : area.coordinates);
const toLatLng = ([long, lat]: Position): [number, number] => [lat, long];

/**
 * A Leaflet map (loaded on demand through `AreaMap`: a form's first page does not carry it)
 * that draws a service area, an outline being drawn and a point, and reports taps. Tiles
 * come from the configured server, or none: Leaflet then draws the vectors on a blank
 * background, so drawing and picking a point work without a tile server too.
 */
export default function AreaMapView({ label, tiles, area, draft, point, onTap }: AreaMapProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<{ map: L.Map; layers: L.LayerGroup } | null>(null);
  const onTapRef = useRef(onTap);
  onTapRef.current = onTap;
  const fitted = useRef(false);

  useEffect(() => {
    if (!element.current) return;
    const created = L.map(element.current, { center: [20, 0], zoom: 2, worldCopyJump: true });
    if (tiles) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(created);
    L.control.scale().addTo(created);
    created.on('click', (event: L.LeafletMouseEvent) => onTapRef.current?.(event.latlng.lat, event.latlng.lng));
    setMap({ map: created, layers: L.layerGroup().addTo(created) });
    fitted.current = false;
    return () => {
      created.remove();
    };
  }, [tiles]);

  useEffect(() => {
    if (!map) return;
    const { layers } = map;
    layers.clearLayers();
    const bounds: Array<[number, number]> = [];
    if (area) {
      for (const rings of polygonsOf(area)) {
        const latLngs = rings.map((ring) => ring.map(toLatLng));
        L.polygon(latLngs, { color: '#1f5fbf', weight: 2, fillOpacity: 0.15 }).addTo(layers);
        bounds.push(...latLngs[0]!);
      }
    }
    if (draft && draft.length > 0) {
      const latLngs = draft.map(toLatLng);
      L.polyline(draft.length > 2 ? [...latLngs, latLngs[0]!] : latLngs, { color: '#b3261e', weight: 2, dashArray: '4 4' }).addTo(layers);
      for (const corner of latLngs) L.circleMarker(corner, { radius: 5, color: '#b3261e', fillOpacity: 1 }).addTo(layers);
    }
    if (point) {
      L.circleMarker([point.lat, point.long], { radius: 8, color: '#b3261e', weight: 3, fillOpacity: 0.6 }).addTo(layers);
      bounds.push([point.lat, point.long]);
    }
    // Frame what there is once; later changes (a tap, a corner) keep the reader's view.
    if (!fitted.current && bounds.length > 0) {
      fitted.current = true;
      if (bounds.length === 1) map.map.setView(bounds[0]!, 14);
      else map.map.fitBounds(L.latLngBounds(bounds), { padding: [16, 16] });
    }
  }, [map, area, draft, point]);

  return (
    <>
      {!tiles && <p className="muted">{t('areas.noTiles')}</p>}
      <div ref={element} className={`area-map${onTap ? ' drawing' : ''}`} role="region" aria-label={label} />
    </>
  );
}
