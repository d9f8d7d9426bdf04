// What the ingest pipeline caches per process (keyword schemes, alert rules, regions, the duty
// officers' marks) and the one cheap query that tells whether any of it changed.
import type { Queryable } from '../db/pool';
import type { MarkRow } from '../monitor/alerts/feedback';
import type { RegionRow } from '../monitor/ingest/place';

/** One fingerprint per cached part; a part is reloaded when its fingerprint differs. */
export interface CatalogFingerprint {
  schemes: string;
  rules: string;
  marks: string;
  regions: string;
}

/** Counts and latest change times: a few index-only aggregates (alerts_marked_idx for the marks). */
export async function catalogFingerprint(db: Queryable): Promise<CatalogFingerprint> {
  const res = await db.query<CatalogFingerprint>(
    `select (select count(*) || '/' || coalesce(max(updated_at)::text, '') || '/' || coalesce(max(created_at)::text, '') from keyword_schemes) as schemes,
            (select count(*) || '/' || coalesce(max(updated_at)::text, '') || '/' || coalesce(max(created_at)::text, '') from alert_rules) as rules,
            (select count(*) || '/' || coalesce(max(updated_at)::text, '') || '/' || coalesce(max(handled_at)::text, '') from alerts where status <> 'open') as marks,
            (select count(*)::text from regions) as regions`,
  );
  return res.rows[0]!;
}

/** A keyword scheme row. */
export interface SchemeRow {
  id: string;
  name: string;
  topic: string;
  regionCode: string | null;
  expression: string;
}

/** Active keyword schemes. */
export async function loadActiveSchemes(db: Queryable): Promise<SchemeRow[]> {
  const res = await db.query<SchemeRow>(
    `select id, name, topic, region_code as "regionCode", expression from keyword_schemes where is_active order by created_at, id`,
  );
  return res.rows;
}

/** An alert rule row (params unparsed). */
export interface RuleRow {
  id: string;
  name: string;
  kind: string;
  level: string;
  params: unknown;
}

/** Active alert rules. */
export async function loadActiveRules(db: Queryable): Promise<RuleRow[]> {
  const res = await db.query<RuleRow>(`select id, name, kind, level, params from alert_rules where is_active order by created_at, id`);
  return res.rows;
}

/** The city and everything under it (province rows are too coarse to place a post). */
export async function loadRegions(db: Queryable): Promise<RegionRow[]> {
  const res = await db.query<RegionRow>(`select code, name, level, path from regions where level >= 2`);
  return res.rows;
}

/** Closed alerts counted by the raising post's author and by the schemes that post matched. */
export async function loadMarkCounts(db: Queryable): Promise<MarkRow[]> {
  const res = await db.query<MarkRow>(
    `with closed as (
       select a.status, p.platform, p.author_id, p.author_name, p.scheme_ids
         from alerts a join posts p on p.id = a.post_id where a.status <> 'open')
     select 'author' as kind,
            platform || case when author_id is not null then '|id|' || author_id else '|name|' || author_name end as key,
            count(*) filter (where status = 'irrelevant')::int as irrelevant,
            count(*) filter (where status in ('handled', 'dispatched'))::int as useful
       from closed where author_id is not null or author_name is not null group by 2
     union all
     select 'scheme', s::text, count(*) filter (where status = 'irrelevant')::int, count(*) filter (where status in ('handled', 'dispatched'))::int
       from closed cross join unnest(scheme_ids) s group by 2`,
  );
  return res.rows;
}

/** Stores a keyword scheme unless its id exists (used by the idempotent seed). */
export async function insertSchemeIfMissing(db: Queryable, s: SchemeRow): Promise<void> {
  await db.query(
    `insert into keyword_schemes (id, name, topic, region_code, expression) values ($1, $2, $3, $4, $5) on conflict (id) do nothing`,
    [s.id, s.name, s.topic, s.regionCode, s.expression],
  );
}
