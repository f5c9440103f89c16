/** GeoJSON shapes of service areas, as the API carries them. */
export type Position = [number, number]; // [longitude, latitude], as GeoJSON orders them
export type Area = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
export interface MapTiles { url: string; attribution: string }
