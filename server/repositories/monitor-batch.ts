// The two queries an ingest batch makes inside its transaction, both under the ingest lock:
//   lockAndReadBatch — `begin`, the lock, then the state it builds on: known posts, the stories it
//                      may touch, their alerts, reserved story ids;
//   writeAndCommitBatch — stories, posts, engagement observations, alerts and the NOTIFY (one
//                      statement of data-modifying CTEs), then `commit`.
// Only two round trips happen while the lock is held, because batches queue for it: on a busy
// machine every round trip waits for a CPU slot twice (here and in PostgreSQL), so their number
// matters more than their size. To send several statements in one round trip the simple query
// protocol is used, which takes no parameters: the batch travels as JSON inside dollar-quoted
// literals whose tag is checked not to occur in the JSON (jsonLiteral), numbers and timestamps as
// validated literals — nothing else is ever interpolated. Foreign keys between rows written by
// one statement are checked at its end, so a new story, its posts and its alert go in together.
import crypto from 'node:crypto';
import type { PoolClient } from '../db/pool';
import type { AlertChange } from '../monitor/alerts/decide';
import type { Engagement } from '../monitor/ingest/heat';
import type { PostInput } from '../monitor/ingest/validate';
import type { StoryRow, StoryState } from '../monitor/stories/assign';
import type { AlertLevel, AlertStatus } from '../presenters/monitor';

/** A post already stored, as the pipeline needs it to compute heat. */
export interface KnownPost {
  id: number;
  platform: string;
  platformPostId: string;
  engagement: Engagement;
  heat: number;
  updatedAt: Date;
  storyId: number | null;
}

/** An alert of a story the batch touches. */
export interface AlertStateRow {
  id: number;
  storyId: number;
  level: AlertLevel;
  status: AlertStatus;
  reasons: string[];
}

/** What the batch reads before deciding anything. */
export interface BatchState {
  known: KnownPost[];
  stories: StoryRow[];
  alerts: AlertStateRow[];
  /** Story ids reserved for stories this batch creates (unused ones are harmless gaps). */
  reservedIds: number[];
  /** Post ids reserved for the batch's new posts (likewise). */
  reservedPostIds: number[];
}

/** Text in dollar quotes whose random tag is checked not to occur in it, so the text cannot end the literal. */
function dollarQuoted(text: string): string {
  let tag: string;
  do tag = `$j${crypto.randomBytes(4).toString('hex')}$`;
  while (text.includes(tag));
  return `${tag}${text}${tag}`;
}

/** A dollar-quoted JSON literal of a value. */
export function jsonLiteral(value: unknown): string {
  return `${dollarQuoted(JSON.stringify(value))}::json`;
}

function intLiteral(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

function timeLiteral(t: Date): string {
  return `'${t.toISOString()}'::timestamptz`;
}

function readSql(q: { platforms: string[]; postIds: string[]; afterStoryId: number; storyIds: number[]; reserve: number }): string {
  const keys = jsonLiteral(q.platforms.map((p, i) => ({ p, i: q.postIds[i] })));
  return `
with known as (
  select p.id, p.platform, p.platform_post_id, p.likes, p.shares, p.comments, p.views, p.heat, p.updated_at, p.story_id
    from json_to_recordset(${keys}) as k(p text, i text)
    join posts p on p.platform = k.p and p.platform_post_id = k.i
),
story_ids as (
  select id from stories where id > ${intLiteral(q.afterStoryId)}
  union select unnest('{${q.storyIds.map(intLiteral).join(',')}}'::int8[])
  union select story_id from known where story_id is not null
),
st as (
  select s.id, s.label, s.region_code, s.first_at, s.last_at, s.post_count, s.heat, s.peak_heat, s.negativity, s.updated_at, s.signature
    from stories s join story_ids using (id)
),
al as (select a.id, a.story_id, a.level, a.status, a.reasons from alerts a where a.story_id in (select id from st))
select (select coalesce(json_agg(known), '[]'::json) from known) as known,
       (select coalesce(json_agg(st), '[]'::json) from st) as stories,
       (select coalesce(json_agg(al), '[]'::json) from al) as alerts,
       (select coalesce(array_agg(nextval(pg_get_serial_sequence('stories', 'id'))), '{}') from generate_series(1, ${intLiteral(q.reserve)})) as reserved,
       (select coalesce(array_agg(nextval(pg_get_serial_sequence('posts', 'id'))), '{}') from generate_series(1, ${intLiteral(q.reserve)})) as reserved_posts`;
}

interface Json {
  [key: string]: unknown;
}

/**
 * Opens the batch's transaction, takes the ingest lock (`lockKey`) and reads the state the batch
 * builds on: its known posts (by platform and platform post id), the stories created after
 * `afterStoryId` or named in `storyIds` or holding a known post, their alerts, and `reserve`
 * fresh story ids and post ids (new rows get their ids up front, so one statement can insert
 * them and everything that refers to them). One round trip; the caller rolls back on failure.
 */
export async function lockAndReadBatch(
  db: PoolClient,
  lockKey: number,
  q: { platforms: string[]; postIds: string[]; afterStoryId: number; storyIds: number[]; reserve: number },
): Promise<BatchState> {
  const results = (await db.query(`begin; select pg_advisory_xact_lock(${intLiteral(lockKey)}); ${readSql(q)}`)) as unknown as { rows: Json[] }[];
  const row = results[2]!.rows[0] as { known: Json[]; stories: Json[]; alerts: Json[]; reserved: (number | string)[]; reserved_posts: (number | string)[] };
  return {
    known: row.known.map((k) => ({
      id: Number(k.id),
      platform: k.platform as string,
      platformPostId: k.platform_post_id as string,
      engagement: { likes: Number(k.likes), shares: Number(k.shares), comments: Number(k.comments), views: Number(k.views) },
      heat: Number(k.heat),
      updatedAt: new Date(k.updated_at as string),
      storyId: k.story_id === null ? null : Number(k.story_id),
    })),
    stories: row.stories.map((s) => ({
      id: Number(s.id),
      label: s.label as string,
      regionCode: (s.region_code as string | null) ?? null,
      firstAt: new Date(s.first_at as string),
      lastAt: new Date(s.last_at as string),
      postCount: Number(s.post_count),
      heat: Number(s.heat),
      peakHeat: Number(s.peak_heat),
      negativity: s.negativity === null ? null : Number(s.negativity),
      updatedAt: new Date(s.updated_at as string),
      signature: (s.signature as number[] | null) ?? null,
    })),
    alerts: row.alerts.map((a) => ({
      id: Number(a.id),
      storyId: Number(a.story_id),
      level: a.level as AlertLevel,
      status: a.status as AlertStatus,
      reasons: Array.isArray(a.reasons) ? (a.reasons as string[]) : [],
    })),
    reservedIds: row.reserved.map(Number),
    reservedPostIds: row.reserved_posts.map(Number),
  };
}

/** What is stored of a post that is known before the batch takes the lock (PreparedPost's shape). */
export type PostFields = Omit<PostInput, 'engagement'> & {
  regionCode: string | null;
  negativity: number;
  schemeIds: string[];
};

/**
 * A post's fields known before the lock, as a JSON object (one row of the posts recordset, its
 * other columns added by writeAndCommitBatch). Built while preparing the batch, so the bulk of
 * serialising — the texts — happens before the batch queues for the lock.
 */
export function postStaticJson(p: PostFields): string {
  return JSON.stringify({
    platform: p.platform,
    platform_post_id: p.platformPostId,
    author_name: p.authorName,
    author_id: p.authorId,
    author_followers: p.authorFollowers,
    author_verified: p.authorVerified,
    title: p.title,
    text: p.text,
    media: p.media,
    url: p.url,
    place: p.place,
    region_code: p.regionCode,
    latitude: p.latitude,
    longitude: p.longitude,
    published_at: p.publishedAt,
    negativity: p.negativity,
    scheme_ids: p.schemeIds,
  });
}

/** One post to insert or update: its static JSON (postStaticJson) and what the batch decided. */
export interface PostWrite {
  /** A reserved id for a new post, the stored id of a known one. */
  id: number;
  isNew: boolean;
  staticJson: string;
  sourceId: string | null;
  engagement: Engagement;
  heat: number;
  storyId: number;
  /** Whether to record the counters as an observation in post_engagement. */
  observe: boolean;
}

const POST_COLUMNS =
  'id int8, is_new bool, source_id uuid, likes int8, shares int8, comments int8, views int8, heat float8, story_id int8, observe bool, ' +
  'platform text, platform_post_id text, author_name text, author_id text, author_followers int4, author_verified bool, ' +
  'title text, text text, media jsonb, url text, place text, region_code text, latitude float8, longitude float8, published_at timestamptz, ' +
  'negativity float4, scheme_ids uuid[]';

/** The posts recordset: each row's decided columns prepended to its static JSON object. */
function postRecordset(rows: readonly PostWrite[]): string {
  const json = `[${rows
    .map((w) => {
      const e = w.engagement;
      const decided = JSON.stringify({ id: w.id, is_new: w.isNew, source_id: w.sourceId, likes: e.likes, shares: e.shares, comments: e.comments, views: e.views, heat: w.heat, story_id: w.storyId, observe: w.observe });
      return `${decided.slice(0, -1)},${w.staticJson.slice(1)}`;
    })
    .join(',')}]`;
  return `select * from json_to_recordset(${dollarQuoted(json)}::json) as t(${POST_COLUMNS})`;
}

/** An alert change with the id of the post that raised it. */
export type AlertWrite = AlertChange & { postId: number };

/** Rows of one table as a JSON recordset: the column list and an object literal per row (same keys). */
interface RowSet<T> {
  columns: string;
  toRow: (row: T) => Record<string, unknown>;
}

/** `select * from json_to_recordset(...)` over a JSON literal holding every row. */
function recordset<T>(set: RowSet<T>, rows: readonly T[]): string {
  return `select * from json_to_recordset(${jsonLiteral(rows.map(set.toRow))}) as t(${set.columns})`;
}

const STORY_ROWS: RowSet<StoryState> = {
  // The signature travels as an array literal made before the lock, and only for new stories.
  columns: 'id int8, is_new bool, label text, region_code text, first_at timestamptz, last_at timestamptz, post_count int4, heat float8, peak_heat float8, negativity float4, signature text',
  toRow: (s) => ({
    id: s.id,
    is_new: s.isNew,
    label: s.label,
    region_code: s.regionCode,
    first_at: s.firstAt,
    last_at: s.lastAt,
    post_count: s.postCount,
    heat: s.heat,
    peak_heat: s.peakHeat,
    negativity: s.negativity,
    signature: s.signatureText,
  }),
};

const ALERT_ROWS: RowSet<AlertWrite> = {
  columns: 'kind text, alert_id int8, story_id int8, post_id int8, level text, reasons jsonb',
  toRow: (a) => ({
    kind: a.kind,
    alert_id: a.kind === 'raise' ? a.alertId : null,
    story_id: a.storyId,
    post_id: a.postId,
    level: a.level,
    reasons: a.reasons,
  }),
};

/** Everything a batch writes. */
export interface BatchWrite {
  stories: readonly StoryState[];
  posts: readonly PostWrite[];
  alerts: readonly AlertWrite[];
  channel: string;
  now: Date;
}

/**
 * Writes a batch in one statement and commits: stories (new ones inserted with their reserved ids,
 * touched ones updated), posts (new ones likewise; a re-arriving post keeps its first source,
 * publication time and story, and fields a connector left out keep their values), one engagement
 * observation per post that brought counters, alerts (created, or raised while still open) and
 * one NOTIFY per 400 changed alerts. Plain inserts and updates by id: the read under the same lock
 * already told new rows from known ones, so no speculative ON CONFLICT insertion is needed.
 * Returns the alerts created or raised (with their story).
 */
export async function writeAndCommitBatch(db: PoolClient, w: BatchWrite): Promise<{ id: number; storyId: number }[]> {
  if (!/^[a-z_]+$/.test(w.channel)) throw new Error(`bad channel ${w.channel}`);
  const now = timeLiteral(w.now);
  const results = (await db.query(
    `with s_in as (${recordset(STORY_ROWS, w.stories)}),
     s_new as (
       insert into stories (id, label, region_code, first_at, last_at, post_count, heat, peak_heat, negativity, signature, created_at, updated_at)
       overriding system value
       select id, label, region_code, first_at, last_at, post_count, heat, peak_heat, negativity, signature::int4[], ${now}, ${now} from s_in where is_new
     ),
     s_old as (
       update stories s set
         region_code = coalesce(s.region_code, i.region_code), first_at = i.first_at, last_at = i.last_at, post_count = i.post_count,
         heat = i.heat, peak_heat = greatest(s.peak_heat, i.peak_heat), negativity = i.negativity, updated_at = ${now}
         from s_in i where not i.is_new and s.id = i.id
     ),
     p_in as (${postRecordset(w.posts)}),
     p_new as (
       insert into posts (id, platform, platform_post_id, source_id, author_name, author_id, author_followers, author_verified, title, text,
                          media, url, place, region_code, latitude, longitude, published_at, likes, shares, comments, views, heat,
                          negativity, scheme_ids, story_id, received_at, updated_at)
       overriding system value
       select id, platform, platform_post_id, source_id, author_name, author_id, author_followers, author_verified, title, text,
              media, url, place, region_code, latitude, longitude, published_at, likes, shares, comments, views, heat,
              negativity, scheme_ids, story_id, ${now}, ${now}
         from p_in where is_new
     ),
     p_old as (
       update posts p set
         author_name = coalesce(i.author_name, p.author_name), author_id = coalesce(i.author_id, p.author_id),
         author_followers = coalesce(i.author_followers, p.author_followers), author_verified = i.author_verified or p.author_verified,
         title = coalesce(i.title, p.title), text = i.text, media = case when i.media = '[]'::jsonb then p.media else i.media end,
         url = coalesce(i.url, p.url), place = coalesce(i.place, p.place), region_code = coalesce(i.region_code, p.region_code),
         latitude = coalesce(i.latitude, p.latitude), longitude = coalesce(i.longitude, p.longitude),
         likes = i.likes, shares = i.shares, comments = i.comments, views = i.views, heat = i.heat, negativity = i.negativity,
         scheme_ids = i.scheme_ids, story_id = coalesce(p.story_id, i.story_id), updated_at = ${now}
         from p_in i where not i.is_new and p.id = i.id
     ),
     observed as (
       insert into post_engagement (post_id, observed_at, likes, shares, comments, views)
       select id, ${now}, likes, shares, comments, views from p_in where observe
       on conflict (post_id, observed_at) do update set likes = excluded.likes, shares = excluded.shares, comments = excluded.comments, views = excluded.views
     ),
     a_in as (${recordset(ALERT_ROWS, w.alerts)}),
     created as (
       insert into alerts (story_id, post_id, level, reasons, created_at, updated_at)
       select a.story_id, a.post_id, a.level, a.reasons, ${now}, ${now} from a_in a where a.kind = 'create'
       on conflict (story_id) where status = 'open' do nothing
       returning id, story_id
     ),
     raised as (
       update alerts x set level = a.level, reasons = a.reasons, updated_at = ${now}
         from a_in a where a.kind = 'raise' and x.id = a.alert_id and x.status = 'open'
       returning x.id, x.story_id
     ),
     changed as (select id, story_id from created union all select id, story_id from raised),
     notified as (
       select pg_notify('${w.channel}', string_agg(id::text, ',')) from (select id, (row_number() over ()) / 400 as chunk from changed) c group by chunk
     )
     select coalesce((select json_agg(json_build_object('id', id, 'storyId', story_id)) from changed), '[]') as alerts, (select count(*) from notified) as notifies;
     commit`,
  )) as unknown as { rows: { alerts: { id: number; storyId: number }[] }[] }[];
  return results[0]!.rows[0]!.alerts;
}
