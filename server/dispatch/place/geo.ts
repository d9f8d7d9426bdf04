// Coordinates → region. With boundaries loaded (GeoJSON, per region code) a point is placed by
// point-in-polygon (outer ring minus holes, any part of a MultiPolygon), deepest region first.
// Without them, the nearest county seat within its radius is a rough fallback (see seats.ts).
// GeoJSON order is [longitude, latitude]; all coordinates are WGS-84 degrees.

/** A point as residents' devices report it. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** A linear ring of [lng, lat] positions (first = last, as GeoJSON requires; not enforced). */
export type Ring = number[][];

/** GeoJSON Polygon or MultiPolygon geometry. */
export type BoundaryGeometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** The boundary of one region. */
export interface RegionBoundary {
  regionCode: string;
  geometry: BoundaryGeometry;
}

/** Approximate seat (驻地) of a county with the radius within which it is a plausible guess. */
export interface CountySeat {
  regionCode: string;
  lat: number;
  lng: number;
  radiusKm: number;
}

interface IndexedBoundary {
  regionCode: string;
  polygons: Ring[][];
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

/** True when the point lies inside the ring (ray casting; points on an edge may go either way). */
export function pointInRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as number[];
    const b = ring[j] as number[];
    const xi = a[0] as number;
    const yi = a[1] as number;
    const xj = b[0] as number;
    const yj = b[1] as number;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies in the polygon: inside its outer ring and in none of its holes. */
export function pointInPolygon(lng: number, lat: number, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !pointInRing(lng, lat, outer)) return false;
  return !holes.some((h) => pointInRing(lng, lat, h));
}

/** True when the point lies in a Polygon or any polygon of a MultiPolygon. */
export function pointInGeometry(point: LatLng, geometry: BoundaryGeometry): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((p) => pointInPolygon(point.lng, point.lat, p));
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Where a point fell: the region, and how that was decided. */
export type PointHit =
  | { method: 'boundary'; regionCode: string }
  | { method: 'seat'; regionCode: string; distanceKm: number }
  | { method: 'none'; reason: 'outside' | 'ambiguous' | 'no-data' | 'invalid' };

/**
 * A second seat this much farther away than the nearest one still makes the guess unsafe: the three
 * urban districts of a city sit a few kilometres apart, so a point between them is left undecided.
 */
const SEAT_AMBIGUITY_RATIO = 1.15;

/** Locates points against boundaries (preferred) or county seats. */
export class GeoIndex {
  private readonly boundaries: IndexedBoundary[];

  constructor(
    boundaries: readonly RegionBoundary[],
    private readonly seats: readonly CountySeat[],
    /** Region depth by code, so a town polygon wins over its county's. */
    private readonly levelOf: (code: string) => number,
  ) {
    this.boundaries = boundaries.map(indexBoundary);
  }

  /** True when any boundary was loaded. */
  get hasBoundaries(): boolean {
    return this.boundaries.length > 0;
  }

  /** The deepest region containing the point, else the nearest plausible seat, else why not. */
  locate(point: LatLng): PointHit {
    if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng) || Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) {
      return { method: 'none', reason: 'invalid' };
    }
    if (this.boundaries.length > 0) {
      let best: string | null = null;
      for (const b of this.boundaries) {
        if (point.lng < b.minLng || point.lng > b.maxLng || point.lat < b.minLat || point.lat > b.maxLat) continue;
        if (!b.polygons.some((p) => pointInPolygon(point.lng, point.lat, p))) continue;
        if (best === null || this.levelOf(b.regionCode) > this.levelOf(best)) best = b.regionCode;
      }
      // Boundaries are authoritative: a point in none of them is outside the city.
      return best ? { method: 'boundary', regionCode: best } : { method: 'none', reason: 'outside' };
    }
    return this.nearestSeat(point);
  }

  private nearestSeat(point: LatLng): PointHit {
    if (this.seats.length === 0) return { method: 'none', reason: 'no-data' };
    const ranked = this.seats.map((s) => ({ s, d: distanceKm(point, s) })).sort((a, b) => a.d - b.d);
    const first = ranked[0] as { s: CountySeat; d: number };
    if (first.d > first.s.radiusKm) return { method: 'none', reason: 'outside' };
    const second = ranked[1];
    if (second && second.d <= second.s.radiusKm && second.d < first.d * SEAT_AMBIGUITY_RATIO) return { method: 'none', reason: 'ambiguous' };
    return { method: 'seat', regionCode: first.s.regionCode, distanceKm: first.d };
  }
}

function indexBoundary(b: RegionBoundary): IndexedBoundary {
  const polygons = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
  let minLng = Infinity;
  let maxLng = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const poly of polygons) {
    for (const [lng, lat] of poly[0] ?? []) {
      if (lng === undefined || lat === undefined) continue;
      minLng = Math.min(minLng, lng);
      maxLng = Math.max(maxLng, lng);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return { regionCode: b.regionCode, polygons, minLng, maxLng, minLat, maxLat };
}

/** Boundaries from a GeoJSON FeatureCollection whose features carry the region code in a property. */
export function boundariesFromFeatureCollection(
  fc: { features: { properties?: Record<string, unknown> | null; geometry: { type: string; coordinates: unknown } | null }[] },
  codeProperty = 'code',
): RegionBoundary[] {
  const out: RegionBoundary[] = [];
  for (const f of fc.features) {
    const code = f.properties?.[codeProperty];
    const g = f.geometry;
    if ((typeof code !== 'string' && typeof code !== 'number') || !g) continue;
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') out.push({ regionCode: String(code), geometry: g as BoundaryGeometry });
  }
  return out;
}
