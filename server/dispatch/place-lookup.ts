/**
 * The place of an appeal for dispatch: a gazetteer of the city's regions, its own place list (地名库)
 * and the place list it learned from appeals whose region a dispatcher confirmed (roads,
 * communities, landmarks that keep turning up in one county), rebuilt from the database at most
 * every ten minutes per node.
 */
import type { Queryable } from '../db/pool';
import { listRegions, type Region } from '../repositories/reference';
import { confirmedPlaceHistory } from '../repositories/dispatch';
import { allPlaces } from '../repositories/places';
import { buildGazetteer, extractPlace, learnPlaces, type Gazetteer } from './place/index';
import type { DispatchInput, PlaceSuggestion } from './service';

export interface PlaceReference {
  city: Region;
  paths: Map<string, string>;
  gazetteer: Gazetteer;
}

const TTL_MS = 10 * 60_000;
const HISTORY_ROWS = 20_000;
let cached: { at: number; ref: Promise<PlaceReference> } | null = null;

async function build(db: Queryable): Promise<PlaceReference> {
  const regions = await listRegions(db, 5);
  const city = regions.find((r) => r.level === 2);
  if (!city) throw new Error('no city region is loaded');
  const province = regions.find((r) => r.level === 1);
  // The city's own list (地名库) first; names learned from confirmed appeals add to it.
  const configured = (await allPlaces(db)).map((p) => ({ ...p, source: 'configured' as const }));
  const base = { city: { code: city.code, name: city.name }, regions, places: configured, ...(province ? { province: { name: province.name } } : {}) };
  const history = await confirmedPlaceHistory(db, HISTORY_ROWS);
  const learned = history.length > 0 ? learnPlaces(history, { gazetteer: buildGazetteer(base) }) : [];
  return { city, paths: new Map(regions.map((r) => [r.code, r.path])), gazetteer: buildGazetteer({ ...base, places: [...configured, ...learned] }) };
}

/** The city's gazetteer, cached per node; a failed build is retried by the next call. */
export async function placeReference(db: Queryable, now: Date): Promise<PlaceReference> {
  if (!cached || now.getTime() - cached.at >= TTL_MS || now.getTime() < cached.at) {
    const ref = build(db);
    cached = { at: now.getTime(), ref };
    ref.catch(() => {
      cached = null;
    });
  }
  return cached.ref;
}

/** Forgets the gazetteer (after regions or confirmed places changed and it must show now). */
export function forgetPlaceReference(): void {
  cached = null;
}

/** Locates an appeal: text first; the device position only when the text names no place. */
export function locate(ref: PlaceReference, input: DispatchInput): PlaceSuggestion {
  const point = input.latitude !== null && input.latitude !== undefined && input.longitude !== null && input.longitude !== undefined ? { lat: input.latitude, lng: input.longitude } : null;
  const r = extractPlace(ref.gazetteer, input.text, { title: input.title, address: input.address ?? null, point });
  return { regionCode: r.regionCode, regionName: r.regionName, level: r.level, countyCode: r.countyCode, townCode: r.townCode, detail: r.detail, why: r.why };
}

/** The region an appeal happened in, when its text (or position) says more than "the city". */
export async function regionOf(db: Queryable, now: Date, input: DispatchInput): Promise<string | null> {
  const place = locate(await placeReference(db, now), input);
  return place.level === 'city' ? null : place.regionCode;
}
