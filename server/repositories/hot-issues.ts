// Hot issues (热点) and their members: the clustering job's reads and writes, and the lists and
// special reports (专报) staff read. An issue's clustering state (centroid, places, trend, label
// candidates) is one JSON document in `centroid`; the columns copy what lists sort and filter on.
import type { Principal } from '../auth/principal';
import type { Queryable } from '../db/pool';
import { scopeCondition } from '../policies/scope';

/** Key of the transaction-level advisory lock that serialises clustering across app nodes. */
export const CLUSTER_LOCK_KEY = 7_341_200_004;

/** Takes the clustering lock until the transaction ends. */
export async function lockClustering(db: Queryable): Promise<void> {
  await db.query('select pg_advisory_xact_lock($1)', [CLUSTER_LOCK_KEY]);
}

/** An appeal as clustering reads it. */
export interface ClusterAppealRow {
  id: string;
  title: string;
  body: string;
  createdAt: Date;
  status: string;
  supportCount: number;
  regionCode: string | null;
  regionPath: string | null;
  hotIssueId: string | null;
}

const CLUSTER_SELECT = `a.id, a.title, a.body, a.created_at as "createdAt", a.status, a.support_count as "supportCount",
  a.region_code as "regionCode", r.path as "regionPath", m.hot_issue_id::text as "hotIssueId"
  from appeals a left join regions r on r.code = a.region_code left join hot_issue_members m on m.appeal_id = a.id`;

/** One appeal for clustering, or null. */
export async function findClusterAppeal(db: Queryable, id: string): Promise<ClusterAppealRow | null> {
  const res = await db.query<ClusterAppealRow>(`select ${CLUSTER_SELECT} where a.id = $1`, [id]);
  return res.rows[0] ?? null;
}

/**
 * Appeals made between `from` and `to` whose search terms hold any of `terms`, best full-text rank
 * first: the candidates for duplicates and for the issue an appeal joins (GIN index on search_text).
 */
export async function findSimilarAppeals(db: Queryable, q: { excludeId: string; terms: readonly string[]; from: Date; to: Date; limit: number }): Promise<ClusterAppealRow[]> {
  const terms = q.terms.filter((t) => /^[\p{L}\p{N}]+$/u.test(t));
  if (terms.length === 0) return [];
  const query = terms.map((t) => `'${t}'`).join(' | ');
  const res = await db.query<ClusterAppealRow>(
    `select ${CLUSTER_SELECT}
      where a.id <> $1 and a.created_at between $2 and $3 and a.search_text @@ to_tsquery('simple', $4)
      order by ts_rank(a.search_text, to_tsquery('simple', $4)) desc, a.created_at desc limit $5`,
    [q.excludeId, q.from, q.to, query, q.limit],
  );
  return res.rows;
}

/**
 * Document frequencies of the newest `limit` appeals' search terms (the city's own statistics):
 * PostgreSQL's ts_stat counts, per lexeme, the documents holding it.
 */
export async function documentFrequencies(db: Queryable, limit: number): Promise<{ docs: number; df: Record<string, number> }> {
  const n = Math.max(1, Math.floor(limit));
  const docs = await db.query<{ n: number }>(`select count(*)::int as n from (select 1 from appeals where search_text is not null order by created_at desc limit ${n}) x`);
  const res = await db.query<{ word: string; ndoc: number }>(
    `select word, ndoc from ts_stat('select search_text from appeals where search_text is not null order by created_at desc limit ${n}')`,
  );
  const df: Record<string, number> = {};
  for (const r of res.rows) df[r.word] = r.ndoc;
  return { docs: docs.rows[0]?.n ?? 0, df };
}

/** Ids of issues active since `since` whose keywords share one of `terms`. */
export async function findIssuesByKeywords(db: Queryable, terms: readonly string[], since: Date, limit: number): Promise<string[]> {
  if (terms.length === 0) return [];
  const res = await db.query<{ id: string }>(
    `select id::text as id from hot_issues where keywords && $1::text[] and last_at >= $2 order by last_at desc limit $3`,
    [terms, since, limit],
  );
  return res.rows.map((r) => r.id);
}

/** Stored states of issues by id. */
export async function loadIssueStates(db: Queryable, ids: readonly string[]): Promise<{ id: string; state: unknown }[]> {
  if (ids.length === 0) return [];
  const res = await db.query<{ id: string; state: unknown }>(`select id::text as id, centroid as state from hot_issues where id = any($1::bigint[])`, [ids]);
  return res.rows;
}

/** The columns an issue's state fills. */
export interface IssueColumns {
  label: string;
  keywords: string[];
  size: number;
  likes: number;
  heat: number;
  firstAt: Date;
  lastAt: Date;
}

/** Inserts an issue; returns its id. */
export async function insertHotIssue(db: Queryable, cols: IssueColumns, state: unknown, at: Date): Promise<string> {
  const res = await db.query<{ id: string }>(
    `insert into hot_issues (label, keywords, centroid, size, likes, heat, first_at, last_at, created_at, updated_at)
     values ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $9) returning id::text as id`,
    [cols.label, cols.keywords, JSON.stringify(state), cols.size, cols.likes, cols.heat, cols.firstAt, cols.lastAt, at],
  );
  return (res.rows[0] as { id: string }).id;
}

/** Writes an issue's new state and columns. */
export async function updateHotIssue(db: Queryable, id: string, cols: IssueColumns, state: unknown, at: Date): Promise<void> {
  await db.query(
    `update hot_issues set label = $2, keywords = $3, centroid = $4::jsonb, size = $5, likes = $6, heat = $7, first_at = $8, last_at = $9, updated_at = $10
      where id = $1`,
    [id, cols.label, cols.keywords, JSON.stringify(state), cols.size, cols.likes, cols.heat, cols.firstAt, cols.lastAt, at],
  );
}

/** Records an appeal as a member of an issue (an appeal belongs to one issue at most). */
export async function addHotIssueMember(db: Queryable, issueId: string, appealId: string, similarity: number, at: Date): Promise<void> {
  await db.query(
    `insert into hot_issue_members (hot_issue_id, appeal_id, similarity, added_at) values ($1, $2, $3, $4)
     on conflict (appeal_id) do nothing`,
    [issueId, appealId, similarity, at],
  );
}

/** Moves every member of one issue to another and deletes the emptied one (two issues merged). */
export async function mergeHotIssueRows(db: Queryable, fromId: string, intoId: string): Promise<void> {
  await db.query('update hot_issue_members set hot_issue_id = $2 where hot_issue_id = $1', [fromId, intoId]);
  await db.query('delete from hot_issues where id = $1', [fromId]);
}

/** Times and support counts of an issue's members (to recompute heat when likes have changed). */
export async function memberHeatInputs(db: Queryable, issueId: string): Promise<{ at: Date; likes: number }[]> {
  const res = await db.query<{ at: Date; likes: number }>(
    `select a.created_at as at, a.support_count as likes from hot_issue_members m join appeals a on a.id = m.appeal_id where m.hot_issue_id = $1`,
    [issueId],
  );
  return res.rows;
}

/** Which hot issues a reader sees: all of them, or those with a member appeal in the reader's scope. */
export interface HotIssueReader {
  principal: Principal;
  seesAll: boolean;
}

/** Condition "issue h has a member the reader may see" (or true), parameters appended. */
function readerCondition(r: HotIssueReader, params: unknown[]): string {
  if (r.seesAll) return 'true';
  const scope = scopeCondition(r.principal, 'a', params);
  return `exists (select 1 from hot_issue_members m join appeals a on a.id = m.appeal_id where m.hot_issue_id = h.id and ${scope})`;
}

/** A hot issue in a list. */
export interface HotIssueRow {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  likes: number;
  /** Heat at the list's reference time. */
  heat: number;
  firstAt: Date;
  lastAt: Date;
  state: unknown;
  units: { name: string; count: number }[];
}

/** List filters: activity overlapping [from, to], a region (and its sub-regions), least size. */
export interface HotIssueFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  regionPath?: string | undefined;
  minSize: number;
  limit: number;
}

/** A hot issue's heat decayed to $1 (ms since epoch) with half-life $2 days (0 = no decay). */
const HEAT_AT = `case when $2::float8 > 0
                 then h.heat * power(2, -greatest(0, $1::float8 - (h.centroid->>'heatAt')::float8) / 86400000.0 / $2::float8)
                 else h.heat end`;

/**
 * Hot issues by heat at `ref` (the end of the period, or now): stored heat is held at the state's
 * `heatAt` and decays by 2^(−Δt / half-life) from there, so one expression ranks them all.
 */
export async function listHotIssues(db: Queryable, reader: HotIssueReader, f: HotIssueFilter, ref: Date, halfLifeDays: number): Promise<HotIssueRow[]> {
  const params: unknown[] = [ref.getTime(), halfLifeDays, f.minSize];
  const where = ['h.size >= $3', readerCondition(reader, params)];
  if (f.from) {
    params.push(f.from);
    where.push(`h.last_at >= $${params.length}`);
  }
  if (f.to) {
    params.push(f.to);
    where.push(`h.first_at <= $${params.length}`);
  }
  if (f.regionPath) {
    params.push(`${f.regionPath}%`);
    where.push(`exists (select 1 from hot_issue_members m join appeals a on a.id = m.appeal_id join regions g on g.code = a.region_code
                         where m.hot_issue_id = h.id and g.path like $${params.length})`);
  }
  params.push(f.limit);
  const res = await db.query<HotIssueRow>(
    `select h.id::text as id, h.label, h.keywords, h.size, h.likes, h.first_at as "firstAt", h.last_at as "lastAt", h.centroid as state,
            ${HEAT_AT} as heat,
            (select coalesce(json_agg(json_build_object('name', x.name, 'count', x.n)), '[]') from (
               select u.name, count(*)::int as n from hot_issue_members m join appeals a on a.id = m.appeal_id join units u on u.id = a.lead_unit_id
                where m.hot_issue_id = h.id group by u.name order by n desc, u.name limit 3) x) as units
       from hot_issues h
      where ${where.join(' and ')}
      order by heat desc, h.size desc, h.id
      limit $${params.length}`,
    params,
  );
  return res.rows;
}

/** One hot issue the reader may see, with its heat at `ref`, or null. */
export async function findHotIssue(db: Queryable, reader: HotIssueReader, id: string, ref: Date, halfLifeDays: number): Promise<HotIssueRow | null> {
  const params: unknown[] = [ref.getTime(), halfLifeDays, id];
  const cond = readerCondition(reader, params);
  const res = await db.query<HotIssueRow>(
    `select h.id::text as id, h.label, h.keywords, h.size, h.likes, h.first_at as "firstAt", h.last_at as "lastAt", h.centroid as state,
            ${HEAT_AT} as heat,
            '[]'::json as units
       from hot_issues h where h.id = $3 and ${cond}`,
    params,
  );
  return res.rows[0] ?? null;
}

/** A member appeal as the special report lists it (no contact data). */
export interface HotIssueAppealRow {
  id: string;
  trackingCode: string;
  title: string;
  status: string;
  unitName: string | null;
  regionName: string | null;
  createdAt: Date;
  closedAt: Date | null;
  supportCount: number;
  similarity: number;
}

/** The member appeals of an issue the reader may see, oldest first. */
export async function listHotIssueAppeals(db: Queryable, reader: HotIssueReader, issueId: string): Promise<HotIssueAppealRow[]> {
  const params: unknown[] = [issueId];
  const scope = reader.seesAll ? 'true' : scopeCondition(reader.principal, 'a', params);
  const res = await db.query<HotIssueAppealRow>(
    `select a.id, a.tracking_code as "trackingCode", a.title, a.status, u.name as "unitName", g.name as "regionName",
            a.created_at as "createdAt", a.closed_at as "closedAt", a.support_count as "supportCount", m.similarity
       from hot_issue_members m join appeals a on a.id = m.appeal_id
       left join units u on u.id = a.lead_unit_id left join regions g on g.code = a.region_code
      where m.hot_issue_id = $1 and ${scope}
      order by a.created_at, a.id`,
    params,
  );
  return res.rows;
}
