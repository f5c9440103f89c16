import type { Area, Position } from './area-map-types';

/** Why an uploaded file holds no usable outline, in the reader's terms (the page translates around it). */
export class GeoJsonProblem extends Error {}

/**
 * The outline in an uploaded GeoJSON file: a Polygon or MultiPolygon geometry, or a Feature
 * or FeatureCollection of them (their polygons together as one MultiPolygon). Rings that
 * are not closed are closed; the server checks the rest.
 */
export function areaFromGeoJson(text: string): Area {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GeoJsonProblem('not JSON');
  }
  const polygons = collect(json);
  if (polygons.length === 0) throw new GeoJsonProblem('no Polygon or MultiPolygon');
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

function collect(value: unknown): Position[][][] {
  if (!value || typeof value !== 'object') return [];
  const object = value as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown };
  switch (object.type) {
    case 'FeatureCollection': return Array.isArray(object.features) ? object.features.flatMap(collect) : [];
    case 'Feature': return collect(object.geometry);
    case 'Polygon': return [polygon(object.coordinates)];
    case 'MultiPolygon': return Array.isArray(object.coordinates) ? object.coordinates.map(polygon) : [];
    default: return [];
  }
}

function polygon(rings: unknown): Position[][] {
  if (!Array.isArray(rings) || rings.length === 0) throw new GeoJsonProblem('a polygon without rings');
  return rings.map((ring) => {
    if (!Array.isArray(ring)) throw new GeoJsonProblem('a ring is not a list of positions');
    const positions = ring.map((p): Position => {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
        throw new GeoJsonProblem(`${JSON.stringify(p)} is not a longitude and latitude`);
      }
      return [p[0], p[1]];
    });
    const first = positions[0];
    const last = positions.at(-1);
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) positions.push([first[0], first[1]]);
    if (positions.length < 4) throw new GeoJsonProblem('a ring needs at least 3 corners');
    return positions;
  });
}

/** The outline drawn corner by corner, closed. */
export const areaFromCorners = (corners: Position[]): Area => ({ type: 'Polygon', coordinates: [[...corners, corners[0]!]] });

/** Parts and corner count, for the text beside the map. */
export function outlineSize(area: Area): { parts: number; points: number } {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return { parts: polygons.length, points: polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length - 1, 0), 0) };
}
