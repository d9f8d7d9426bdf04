/**
 * The SQL behind the monitoring briefs and the measured loop (kept beside their computation, as
 * the brief's own repository). Periods are half-open [start, end); a post counts in the period it
 * was received in (what the duty desk saw that day), a post is negative at negativity ≥ 0.5.
 */
import type { Queryable } from '../../db/pool';

export const NEGATIVE_AT = 0.5;

/** Posts received per platform, with how many were negative. */
export async function volumeByPlatform(db: Queryable, start: Date, end: Date) {
  const res = await db.query<{ platform: string; posts: number; negative: number; scored: number }>(
    `select platform, count(*)::int as posts, count(*) filter (where negativity >= $3)::int as negative,
            count(negativity)::int as scored
       from posts where received_at >= $1 and received_at < $2 group by platform order by posts desc, platform`,
    [start, end, NEGATIVE_AT],
  );
  return res.rows;
}

/** Posts and negative posts per Shanghai day of the period (a weekly brief's trend): one range scan each. */
export async function volumeByDay(db: Queryable, start: Date, end: Date) {
  const res = await db.query<{ date: string; posts: number; negative: number; alerts: number }>(
    `with days as (select generate_series(($1::timestamptz at time zone 'Asia/Shanghai')::date,
                                           ($2::timestamptz at time zone 'Asia/Shanghai')::date - 1, interval '1 day')::date as d)
     , p as (select (received_at at time zone 'Asia/Shanghai')::date as d, count(*)::int as posts,
                    count(*) filter (where negativity >= $3)::int as negative
               from posts where received_at >= $1 and received_at < $2 group by 1)
     , a as (select (created_at at time zone 'Asia/Shanghai')::date as d, count(*)::int as alerts
               from alerts where created_at >= $1 and created_at < $2 group by 1)
     select to_char(days.d, 'YYYY-MM-DD') as date, coalesce(p.posts, 0) as posts, coalesce(p.negative, 0) as negative,
            coalesce(a.alerts, 0) as alerts
       from days left join p on p.d = days.d left join a on a.d = days.d order by days.d`,
    [start, end, NEGATIVE_AT],
  );
  return res.rows;
}

/** The hottest negative stories active in the period, with their latest alert. */
export async function topNegativeStories(db: Queryable, start: Date, end: Date, limit = 10) {
  const res = await db.query<{
    id: string;
    label: string;
    regionCode: string | null;
    regionName: string | null;
    postCount: number;
    heat: number;
    peakHeat: number;
    negativity: number | null;
    firstAt: Date;
    lastAt: Date;
    alertLevel: string | null;
    alertStatus: string | null;
  }>(
    `select s.id::text as id, s.label, s.region_code as "regionCode", r.name as "regionName", s.post_count as "postCount",
            s.heat, s.peak_heat as "peakHeat", s.negativity, s.first_at as "firstAt", s.last_at as "lastAt",
            al.level as "alertLevel", al.status as "alertStatus"
       from stories s left join regions r on r.code = s.region_code
       left join lateral (select level, status from alerts a where a.story_id = s.id order by a.created_at desc limit 1) al on true
      where s.first_at < $2 and s.last_at >= $1 and s.negativity >= $3
      order by s.peak_heat desc, s.post_count desc, s.id limit $4`,
    [start, end, NEGATIVE_AT, limit],
  );
  return res.rows;
}

/** Alerts raised in the period per level, by where they stand now. */
export async function alertsByLevel(db: Queryable, start: Date, end: Date) {
  const res = await db.query<{ level: string; total: number; open: number; handled: number; irrelevant: number; dispatched: number }>(
    `select level, count(*)::int as total,
            count(*) filter (where status = 'open')::int as open,
            count(*) filter (where status = 'handled')::int as handled,
            count(*) filter (where status = 'irrelevant')::int as irrelevant,
            count(*) filter (where status = 'dispatched')::int as dispatched
       from alerts where created_at >= $1 and created_at < $2 group by level`,
    [start, end],
  );
  return res.rows;
}

/** One dispatched post with its appeal as it stands now, and the loop's times. */
export interface DispatchedItem {
  postId: string;
  platform: string;
  postText: string;
  appealId: string;
  trackingCode: string;
  title: string;
  status: string;
  leadUnitName: string | null;
  postedAt: Date;
  detectedAt: Date;
  dispatchedAt: Date;
  repliedAt: Date | null;
  resolvedAt: Date | null;
  dueAt: Date | null;
}

const DISPATCHED_SELECT = `select d.post_id::text as "postId", p.platform, left(p.text, 120) as "postText", a.id as "appealId",
    a.tracking_code as "trackingCode", a.title, a.status, u.name as "leadUnitName", d.posted_at as "postedAt",
    d.detected_at as "detectedAt", d.dispatched_at as "dispatchedAt",
    (select min(e.created_at) from appeal_events e where e.appeal_id = a.id and e.to_status = 'replied') as "repliedAt",
    case when a.status = 'closed' then a.closed_at end as "resolvedAt", a.due_at as "dueAt"
  from post_dispatches d join posts p on p.id = d.post_id join appeals a on a.id = d.appeal_id left join units u on u.id = a.lead_unit_id`;

/** Posts dispatched in the period, oldest first. */
export async function dispatchedItems(db: Queryable, start: Date, end: Date, limit = 500): Promise<DispatchedItem[]> {
  const res = await db.query<DispatchedItem>(`${DISPATCHED_SELECT} where d.dispatched_at >= $1 and d.dispatched_at < $2 order by d.dispatched_at, d.post_id limit $3`, [
    start,
    end,
    limit,
  ]);
  return res.rows;
}

/** A median and 90th percentile in seconds (null when no item reached that step). */
export interface Spread {
  median: number | null;
  p90: number | null;
  count: number;
}

const spread = (from: string, to: string, name: string) =>
  `percentile_cont(0.5) within group (order by extract(epoch from ${to} - ${from})) as "${name}Median",
   percentile_cont(0.9) within group (order by extract(epoch from ${to} - ${from})) as "${name}P90",
   count(${to})::int as "${name}Count"`;

/** Per Shanghai month of dispatch: how many, and the spread of each step of the loop. */
export async function loopByMonth(db: Queryable, start: Date, end: Date) {
  const res = await db.query<Record<string, number | string | null>>(
    `with items as (
       select to_char(d.dispatched_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, d.posted_at, d.detected_at, d.dispatched_at,
              (select min(e.created_at) from appeal_events e where e.appeal_id = a.id and e.to_status = 'replied') as replied_at,
              case when a.status = 'closed' then a.closed_at end as resolved_at
         from post_dispatches d join appeals a on a.id = d.appeal_id
        where d.dispatched_at >= $1 and d.dispatched_at < $2)
     select month, count(*)::int as dispatched,
            ${spread('posted_at', 'detected_at', 'postedToDetected')},
            ${spread('detected_at', 'dispatched_at', 'detectedToDispatched')},
            ${spread('dispatched_at', 'replied_at', 'dispatchedToReplied')},
            ${spread('replied_at', 'resolved_at', 'repliedToResolved')}
       from items group by month order by month`,
    [start, end],
  );
  return res.rows;
}
