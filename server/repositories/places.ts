// The city's own place list (地名库, table places).
import type { Queryable } from '../db/pool';
import type { PlaceInput } from '../dispatch/place/placeList';

/** A stored place with its region's name. */
export interface PlaceView extends PlaceInput {
  regionName: string;
  createdAt: Date;
}

/** Every configured place (for the gazetteer). */
export async function allPlaces(db: Queryable): Promise<PlaceInput[]> {
  const res = await db.query<PlaceInput>(`select name, region_code as "regionCode", kind from places order by name, region_code`);
  return res.rows;
}

/** One page of places, filtered by words in the name and by region (with everything under it). */
export async function listPlaces(db: Queryable, f: { q?: string; regionCode?: string; page: number; pageSize: number }): Promise<{ rows: PlaceView[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = ['true'];
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`p.name like $${params.length}`);
  }
  if (f.regionCode) {
    params.push(f.regionCode);
    where.push(`r.path like (select path from regions where code = $${params.length}) || '%'`);
  }
  const from = `from places p join regions r on r.code = p.region_code where ${where.join(' and ')}`;
  const count = await db.query<{ n: number }>(`select count(*)::int as n ${from}`, params);
  params.push(f.pageSize, (f.page - 1) * f.pageSize);
  const rows = await db.query<PlaceView>(
    `select p.name, p.region_code as "regionCode", p.kind, r.name as "regionName", p.created_at as "createdAt"
       ${from} order by p.created_at desc, p.name limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}

/**
 * Stores a parsed list in one statement: new places are added, known ones get the new kind; with
 * `replace` every place not in the list is removed first. Call inside a transaction for replace.
 */
export async function importPlaces(db: Queryable, rows: readonly PlaceInput[], replace: boolean): Promise<{ added: number; total: number }> {
  if (replace) await db.query('delete from places');
  const res = await db.query<{ inserted: boolean }>(
    `insert into places (name, region_code, kind)
     select * from unnest($1::text[], $2::text[], $3::text[])
     on conflict (name, region_code) do update set kind = excluded.kind
     returning (xmax = 0) as inserted`,
    [rows.map((r) => r.name), rows.map((r) => r.regionCode), rows.map((r) => r.kind)],
  );
  const total = await db.query<{ n: number }>('select count(*)::int as n from places');
  return { added: res.rows.filter((r) => r.inserted).length, total: total.rows[0]?.n ?? 0 };
}

/** Removes one place; whether it existed. */
export async function deletePlace(db: Queryable, name: string, regionCode: string): Promise<boolean> {
  const res = await db.query('delete from places where name = $1 and region_code = $2', [name, regionCode]);
  return (res.rowCount ?? 0) > 0;
}
