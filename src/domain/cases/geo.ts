/** GeoJSON geometry for service areas: validation, bounding box, point-in-polygon. No dependency: the math is short. */

export type Position = [number, number]; // [longitude, latitude], as GeoJSON orders them
export type Ring = Position[];
export type Area = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface Box { minLong: number; minLat: number; maxLong: number; maxLat: number }

const polygonsOf = (area: Area): Ring[][] => (area.type === 'Polygon' ? [area.coordinates] : area.coordinates);

/** The first problem with a GeoJSON Polygon or MultiPolygon, or undefined when it is usable. */
export function areaProblem(area: Area): string | undefined {
  const polygons = polygonsOf(area);
  if (polygons.length === 0) return 'a MultiPolygon needs at least one polygon';
  for (const [p, rings] of polygons.entries()) {
    if (rings.length === 0) return `polygon ${p} has no ring`;
    for (const [r, ring] of rings.entries()) {
      if (ring.length < 4) return `ring ${r} of polygon ${p} needs at least 4 positions (closed)`;
      const first = ring[0]!;
      const last = ring.at(-1)!;
      if (first[0] !== last[0] || first[1] !== last[1]) return `ring ${r} of polygon ${p} is not closed (first and last positions differ)`;
      for (const [long, lat] of ring) {
        if (!(long >= -180 && long <= 180 && lat >= -90 && lat <= 90)) return `position [${long}, ${lat}] is not a longitude and latitude`;
      }
    }
  }
  return undefined;
}

export function boundingBox(area: Area): Box {
  const box = { minLong: Infinity, minLat: Infinity, maxLong: -Infinity, maxLat: -Infinity };
  for (const rings of polygonsOf(area)) {
    for (const [long, lat] of rings[0]!) {
      box.minLong = Math.min(box.minLong, long);
      box.maxLong = Math.max(box.maxLong, long);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  return box;
}

/** Ray casting over the outer ring, minus holes; a point on an edge may fall either way. */
export function containsPoint(area: Area, long: number, lat: number): boolean {
  return polygonsOf(area).some((rings) => inRing(rings[0]!, long, lat) && !rings.slice(1).some((hole) => inRing(hole, long, lat)));
}

function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
