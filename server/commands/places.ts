// Loading the city's place list (地名库) from CSV: the HTTP route and `minsheng places import`.
import { withTransaction, type Pool } from '../db/pool';
import { forgetPlaceReference } from '../dispatch/place-lookup';
import { parsePlaceList } from '../dispatch/place/placeList';
import { importPlaces } from '../repositories/places';
import { listRegions } from '../repositories/reference';

/**
 * Parses and stores a place list in one transaction (with `replace`, places not in it are removed);
 * this node's gazetteer is rebuilt on its next use. Throws PlaceListError naming the bad line.
 */
export async function importPlaceList(pool: Pool, csv: string, replace: boolean): Promise<{ received: number; added: number; total: number }> {
  const rows = parsePlaceList(csv, await listRegions(pool, 5));
  const result = await withTransaction(pool, (db) => importPlaces(db, rows, replace));
  forgetPlaceReference();
  return { received: rows.length, ...result };
}
