import { lazy, Suspense } from 'react';
import { Loading } from '../components/status';
import type { AreaMapProps } from './area-map-view';

const AreaMapView = lazy(() => import('./area-map-view'));

/** The Leaflet map, loaded only when a page shows it (Leaflet and its stylesheet are a chunk of their own). */
export function AreaMap(props: AreaMapProps) {
  return <Suspense fallback={<Loading />}><AreaMapView {...props} /></Suspense>;
}
