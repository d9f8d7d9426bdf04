/**
 * The duty console's reads and writes over the monitoring tables: alerts with their story and post,
 * a post's engagement series, a story's posts and totals over time, alert marks, dispatches (转办)
 * and keyword schemes. Alert and post rows come in the shapes server/presenters/monitor.ts reads.
 */
import type { Queryable } from '../db/pool';
import type { AlertRow, PostRow } from '../presenters/monitor';
import { ALERT_VIEW_SQL } from './monitor-alerts';

export const ALERT_LEVELS = ['red', 'orange', 'yellow'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const ALERT_STATUSES = ['open', 'handled', 'irrelevant', 'dispatched'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** A `posts` row as stored (`select p.*`): what presentPost reads, plus what the console's commands need. */
export interface DutyPostRow extends PostRow {
  id: number;
  story_id: number | null;
  latitude: number | null;
  longitude: number | null;
  published_at: Date;
  received_at: Date;
}

/** An alert row in presentAlert's shape, plus who marked it and how. */
export interface DutyAlertRow extends AlertRow {
  id: number;
  story_id: number;
  post_id: number;
  created_at: Date;
  note: string | null;
  handled_by: string | null;
  handled_at: Date | null;
}

/** A story (事件) as stored. */
export interface StoryRow {
  id: string;
  label: string;
  regionCode: string | null;
  firstAt: Date;
  lastAt: Date;
  postCount: number;
  heat: number;
  peakHeat: number;
  negativity: number | null;
}

/** One observation of a post's counters. */
export interface EngagementPoint {
  observedAt: Date;
  likes: number;
  shares: number;
  comments: number;
  views: number;
}

/** A post turned into an appeal, with where the appeal stands. */
export interface DispatchRow {
  postId: string;
  appealId: string;
  alertId: string | null;
  postedAt: Date;
  detectedAt: Date;
  dispatchedAt: Date;
  trackingCode: string;
  appealStatus: string;
  leadUnitName: string | null;
}

const STORY_COLUMNS = `s.id::text as id, s.label, s.region_code as "regionCode", s.first_at as "firstAt", s.last_at as "lastAt",
  s.post_count as "postCount", s.heat, s.peak_heat as "peakHeat", s.negativity`;

/** Alerts newest first, optionally by status and level. */
export async function listAlerts(db: Queryable, f: { status: AlertStatus | 'all'; level?: AlertLevel | undefined; limit: number }): Promise<DutyAlertRow[]> {
  const params: unknown[] = [f.limit];
  const where: string[] = [];
  if (f.status !== 'all') {
    params.push(f.status);
    where.push(`a.status = $${params.length}`);
  }
  if (f.level) {
    params.push(f.level);
    where.push(`a.level = $${params.length}`);
  }
  const res = await db.query<DutyAlertRow>(`${ALERT_VIEW_SQL} ${where.length ? `where ${where.join(' and ')}` : ''} order by a.created_at desc, a.id desc limit $1`, params);
  return res.rows;
}

// Marked on the Shanghai day of $1.
const TODAY = `(handled_at at time zone 'Asia/Shanghai')::date = ($1::timestamptz at time zone 'Asia/Shanghai')::date`;

/** Open alerts per level, and what was marked today (Asia/Shanghai). */
export async function alertCounts(db: Queryable, now: Date) {
  const res = await db.query<{ red: number; orange: number; yellow: number; handledToday: number; irrelevantToday: number; dispatchedToday: number }>(
    `select count(*) filter (where status = 'open' and level = 'red')::int as red,
            count(*) filter (where status = 'open' and level = 'orange')::int as orange,
            count(*) filter (where status = 'open' and level = 'yellow')::int as yellow,
            count(*) filter (where status = 'handled' and ${TODAY})::int as "handledToday",
            count(*) filter (where status = 'irrelevant' and ${TODAY})::int as "irrelevantToday",
            count(*) filter (where status = 'dispatched' and ${TODAY})::int as "dispatchedToday"
       from alerts where status = 'open' or handled_at >= $1::timestamptz - interval '1 day'`,
    [now],
  );
  const r = res.rows[0] ?? { red: 0, orange: 0, yellow: 0, handledToday: 0, irrelevantToday: 0, dispatchedToday: 0 };
  return { open: { red: r.red, orange: r.orange, yellow: r.yellow, total: r.red + r.orange + r.yellow }, handledToday: r.handledToday, irrelevantToday: r.irrelevantToday, dispatchedToday: r.dispatchedToday };
}

/** One alert; `lock` takes its row lock for a mark or a dispatch. */
export async function findAlert(db: Queryable, id: string, lock = false): Promise<DutyAlertRow | null> {
  const res = await db.query<DutyAlertRow>(`${ALERT_VIEW_SQL} where a.id = $1${lock ? ' for update of a' : ''}`, [id]);
  return res.rows[0] ?? null;
}

/** The open alert of a story (at most one by the partial unique index), locked. */
export async function findOpenAlertOfStory(db: Queryable, storyId: string): Promise<DutyAlertRow | null> {
  const res = await db.query<DutyAlertRow>(`${ALERT_VIEW_SQL} where a.story_id = $1 and a.status = 'open' for update of a`, [storyId]);
  return res.rows[0] ?? null;
}

/** 已处置 / 无关: closes an open alert; false if it was not open. */
export async function markAlert(db: Queryable, id: string, m: { status: 'handled' | 'irrelevant' | 'dispatched'; note: string | null; userId: string; appealId?: string; at: Date }): Promise<boolean> {
  const res = await db.query(
    `update alerts set status = $2, note = coalesce($3, note), handled_by = $4, handled_at = $5, updated_at = $5, appeal_id = coalesce($6, appeal_id)
      where id = $1 and status = 'open'`,
    [id, m.status, m.note, m.userId, m.at, m.appealId ?? null],
  );
  return res.rowCount === 1;
}

/** One post; `lock` serialises dispatches of the same post. */
export async function findPost(db: Queryable, id: string, lock = false): Promise<DutyPostRow | null> {
  const res = await db.query<DutyPostRow>(`select p.* from posts p where p.id = $1${lock ? ' for update' : ''}`, [id]);
  return res.rows[0] ?? null;
}

/** Every observation of a post's counters, oldest first. */
export async function postEngagement(db: Queryable, postId: string, limit = 1000): Promise<EngagementPoint[]> {
  const res = await db.query<EngagementPoint>(
    `select observed_at as "observedAt", likes, shares, comments, views from (
       select * from post_engagement where post_id = $1 order by observed_at desc limit $2) e order by observed_at`,
    [postId, limit],
  );
  return res.rows;
}

/** One story. */
export async function findStory(db: Queryable, id: string): Promise<StoryRow | null> {
  const res = await db.query<StoryRow>(`select ${STORY_COLUMNS} from stories s where s.id = $1`, [id]);
  return res.rows[0] ?? null;
}

/** A story's posts, hottest first. */
export async function storyPosts(db: Queryable, storyId: string, limit = 200): Promise<DutyPostRow[]> {
  const res = await db.query<DutyPostRow>(`select p.* from posts p where p.story_id = $1 order by p.heat desc, p.published_at limit $2`, [storyId, limit]);
  return res.rows;
}

/**
 * A story's engagement totals over time: at every moment a post of the story was observed, the sum
 * of each post's latest counters up to then (the last `limit` moments).
 */
export async function storyEngagement(db: Queryable, storyId: string, limit = 300): Promise<EngagementPoint[]> {
  const res = await db.query<EngagementPoint>(
    `with obs as (select e.* from post_engagement e join posts p on p.id = e.post_id where p.story_id = $1),
          moments as (select distinct observed_at as t from obs order by t desc limit $2)
     select m.t as "observedAt", sum(x.likes)::bigint as likes, sum(x.shares)::bigint as shares,
            sum(x.comments)::bigint as comments, sum(x.views)::bigint as views
       from moments m cross join lateral (
         select distinct on (o.post_id) o.likes, o.shares, o.comments, o.views from obs o
          where o.observed_at <= m.t order by o.post_id, o.observed_at desc) x
      group by m.t order by m.t`,
    [storyId, limit],
  );
  return res.rows;
}

/** The alerts of a story, newest first (a story's history at the console). */
export async function storyAlerts(db: Queryable, storyId: string): Promise<DutyAlertRow[]> {
  const res = await db.query<DutyAlertRow>(`${ALERT_VIEW_SQL} where a.story_id = $1 order by a.created_at desc limit 50`, [storyId]);
  return res.rows;
}

const DISPATCH_SELECT = `select d.post_id::text as "postId", d.appeal_id as "appealId", d.alert_id::text as "alertId", d.posted_at as "postedAt",
    d.detected_at as "detectedAt", d.dispatched_at as "dispatchedAt", ap.tracking_code as "trackingCode", ap.status as "appealStatus",
    u.name as "leadUnitName"
  from post_dispatches d join appeals ap on ap.id = d.appeal_id left join units u on u.id = ap.lead_unit_id`;

/** The dispatch of a post, if it was turned into an appeal. */
export async function findDispatch(db: Queryable, postId: string): Promise<DispatchRow | null> {
  const res = await db.query<DispatchRow>(`${DISPATCH_SELECT} where d.post_id = $1`, [postId]);
  return res.rows[0] ?? null;
}

/** The dispatches of a story's posts. */
export async function storyDispatches(db: Queryable, storyId: string): Promise<DispatchRow[]> {
  const res = await db.query<DispatchRow>(`${DISPATCH_SELECT} join posts p on p.id = d.post_id where p.story_id = $1 order by d.dispatched_at`, [storyId]);
  return res.rows;
}

/** Records the measured loop's first three times for a dispatched post. */
export async function insertDispatch(
  db: Queryable,
  d: { postId: string; appealId: string; alertId: string | null; postedAt: Date; detectedAt: Date; dispatchedAt: Date; dispatchedBy: string },
): Promise<void> {
  await db.query(
    `insert into post_dispatches (post_id, appeal_id, alert_id, posted_at, detected_at, dispatched_at, dispatched_by) values ($1, $2, $3, $4, $5, $6, $7)`,
    [d.postId, d.appealId, d.alertId, d.postedAt, d.detectedAt, d.dispatchedAt, d.dispatchedBy],
  );
}

/** The earliest alert that names this post (when it was first detected). */
export async function firstAlertOfPost(db: Queryable, postId: string): Promise<{ id: string; createdAt: Date } | null> {
  const res = await db.query<{ id: string; createdAt: Date }>(`select id::text as id, created_at as "createdAt" from alerts where post_id = $1 order by created_at limit 1`, [postId]);
  return res.rows[0] ?? null;
}

/** The newest posts (for a scheme preview), optionally of a region and its sub-regions. */
export async function recentPosts(db: Queryable, f: { limit: number; regionCode?: string | undefined }): Promise<DutyPostRow[]> {
  const params: unknown[] = [f.limit];
  let where = '';
  if (f.regionCode) {
    params.push(f.regionCode);
    where = `where p.region_code in (select c.code from regions c join regions r on c.path like r.path || '%' where r.code = $2)`;
  }
  const res = await db.query<DutyPostRow>(`select p.* from posts p ${where} order by p.received_at desc, p.id desc limit $1`, params);
  return res.rows;
}

/** A keyword scheme (监测方案) as stored. */
export interface SchemeRow {
  id: string;
  name: string;
  topic: string;
  regionCode: string | null;
  regionName: string | null;
  expression: string;
  isActive: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const SCHEME_SELECT = `select k.id, k.name, k.topic, k.region_code as "regionCode", r.name as "regionName", k.expression, k.is_active as "isActive",
    k.created_by as "createdBy", k.created_at as "createdAt", k.updated_at as "updatedAt"
  from keyword_schemes k left join regions r on r.code = k.region_code`;

/** Every keyword scheme, by topic and name. */
export async function listSchemes(db: Queryable): Promise<SchemeRow[]> {
  const res = await db.query<SchemeRow>(`${SCHEME_SELECT} order by k.is_active desc, k.topic, k.name`);
  return res.rows;
}

/** One keyword scheme. */
export async function findScheme(db: Queryable, id: string): Promise<SchemeRow | null> {
  const res = await db.query<SchemeRow>(`${SCHEME_SELECT} where k.id = $1`, [id]);
  return res.rows[0] ?? null;
}

/** Stores a new scheme (already validated). */
export async function insertScheme(
  db: Queryable,
  k: { id: string; name: string; topic: string; regionCode: string | null; expression: string; isActive: boolean; createdBy: string; at: Date },
): Promise<void> {
  await db.query(
    `insert into keyword_schemes (id, name, topic, region_code, expression, is_active, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
    [k.id, k.name, k.topic, k.regionCode, k.expression, k.isActive, k.createdBy, k.at],
  );
}

const SCHEME_FIELDS = { name: 'name', topic: 'topic', regionCode: 'region_code', expression: 'expression', isActive: 'is_active' } as const;

/** Changes the given fields of a scheme; false if it does not exist. */
export async function updateScheme(
  db: Queryable,
  id: string,
  patch: Partial<{ name: string; topic: string; regionCode: string | null; expression: string; isActive: boolean }>,
  at: Date,
): Promise<boolean> {
  const values: unknown[] = [id, at];
  const sets = ['updated_at = $2'];
  for (const [k, col] of Object.entries(SCHEME_FIELDS)) {
    const v = patch[k as keyof typeof patch];
    if (v === undefined) continue;
    values.push(v);
    sets.push(`${col} = $${values.length}`);
  }
  const res = await db.query(`update keyword_schemes set ${sets.join(', ')} where id = $1`, values);
  return res.rowCount === 1;
}
