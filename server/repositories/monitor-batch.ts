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
}

/** A dollar-quoted JSON literal: the tag is random and checked against the text, so the JSON cannot end it. */
export function jsonLiteral(value: unknown): string {
  const json = JSON.stringify(value);
  let tag: string;
  do tag = `$j${crypto.randomBytes(4).toString('hex')}$`;
  while (json.includes(tag));
  return `${tag}${json}${tag}::json`;
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
       (select coalesce(array_agg(nextval(pg_get_serial_sequence('stories', 'id'))), '{}') from generate_series(1, ${intLiteral(q.reserve)})) as reserved`;
}

interface Json {
  [key: string]: unknown;
}

/**
 * Opens the batch's transaction, takes the ingest lock (`lockKey`) and reads the state the batch
 * builds on: its known posts (by platform and platform post id), the stories created after
 * `afterStoryId` or named in `storyIds` or holding a known post, their alerts, and `reserve`
 * fresh story ids. One round trip; the caller rolls back if anything after it fails.
 */
export async function lockAndReadBatch(
  db: PoolClient,
  lockKey: number,
  q: { platforms: string[]; postIds: string[]; afterStoryId: number; storyIds: number[]; reserve: number },
): Promise<BatchState> {
  const results = (await db.query(`begin; select pg_advisory_xact_lock(${intLiteral(lockKey)}); ${readSql(q)}`)) as unknown as { rows: Json[] }[];
  const row = results[2]!.rows[0] as { known: Json[]; stories: Json[]; alerts: Json[]; reserved: (number | string)[] };
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
  };
}

/** The stored fields of a post as a connector delivered them (PostInput's shape). */
export interface PostFields {
  platform: string;
  platformPostId: string;
  authorName: string | null;
  authorId: string | null;
  authorFollowers: number | null;
  authorVerified: boolean;
  title: string | null;
  text: string;
  media: string[];
  url: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  publishedAt: Date;
}

/** One post to insert or update: the delivered fields plus what the pipeline derived. */
export interface PostWrite {
  post: PostFields;
  sourceId: string | null;
  regionCode: string | null;
  engagement: Engagement;
  heat: number;
  negativity: number;
  schemeIds: string[];
  storyId: number;
  /** Whether to record the counters as an observation in post_engagement. */
  observe: boolean;
}

/** An alert change with the raising post named by platform and platform post id. */
export type AlertWrite = AlertChange & { platform?: string; platformPostId?: string };

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
  columns: 'id int8, label text, region_code text, first_at timestamptz, last_at timestamptz, post_count int4, heat float8, peak_heat float8, negativity float4, signature int4[]',
  toRow: (s) => ({
    id: s.id,
    label: s.label,
    region_code: s.regionCode,
    first_at: s.firstAt,
    last_at: s.lastAt,
    post_count: s.postCount,
    heat: s.heat,
    peak_heat: s.peakHeat,
    negativity: s.negativity,
    signature: Array.from(s.signature),
  }),
};

const POST_ROWS: RowSet<PostWrite> = {
  columns:
    'platform text, platform_post_id text, source_id uuid, author_name text, author_id text, author_followers int4, author_verified bool, ' +
    'title text, text text, media jsonb, url text, place text, region_code text, latitude float8, longitude float8, published_at timestamptz, ' +
    'likes int8, shares int8, comments int8, views int8, heat float8, negativity float4, scheme_ids uuid[], story_id int8, observe bool',
  toRow: (w) => ({
    platform: w.post.platform,
    platform_post_id: w.post.platformPostId,
    source_id: w.sourceId,
    author_name: w.post.authorName,
    author_id: w.post.authorId,
    author_followers: w.post.authorFollowers,
    author_verified: w.post.authorVerified,
    title: w.post.title,
    text: w.post.text,
    media: w.post.media,
    url: w.post.url,
    place: w.post.place,
    region_code: w.regionCode,
    latitude: w.post.latitude,
    longitude: w.post.longitude,
    published_at: w.post.publishedAt,
    likes: w.engagement.likes,
    shares: w.engagement.shares,
    comments: w.engagement.comments,
    views: w.engagement.views,
    heat: w.heat,
    negativity: w.negativity,
    scheme_ids: w.schemeIds,
    story_id: w.storyId,
    observe: w.observe,
  }),
};

const ALERT_ROWS: RowSet<AlertWrite> = {
  columns: 'kind text, alert_id int8, story_id int8, post_platform text, post_pid text, level text, reasons jsonb',
  toRow: (a) => ({
    kind: a.kind,
    alert_id: a.kind === 'raise' ? a.alertId : null,
    story_id: a.storyId,
    post_platform: a.platform ?? null,
    post_pid: a.platformPostId ?? null,
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
 * Writes a batch in one statement and commits: stories (new ones with their reserved ids, touched ones
 * updated), posts (a re-arriving post keeps its first source, publication time and story; fields
 * a connector left out keep their values), one engagement observation per post that brought
 * counters, alerts (created, or raised while still open) and one NOTIFY per 400 changed alerts.
 * Returns the ids of the alerts created or raised.
 */
export async function writeAndCommitBatch(db: PoolClient, w: BatchWrite): Promise<number[]> {
  if (!/^[a-z_]+$/.test(w.channel)) throw new Error(`bad channel ${w.channel}`);
  const now = timeLiteral(w.now);
  const results = (await db.query(
    `with s_in as (${recordset(STORY_ROWS, w.stories)}),
     s_up as (
       insert into stories (id, label, region_code, first_at, last_at, post_count, heat, peak_heat, negativity, signature, created_at, updated_at)
       overriding system value
       select id, label, region_code, first_at, last_at, post_count, heat, peak_heat, negativity, signature, ${now}, ${now} from s_in
       on conflict (id) do update set
         region_code = coalesce(stories.region_code, excluded.region_code), first_at = excluded.first_at, last_at = excluded.last_at,
         post_count = excluded.post_count, heat = excluded.heat, peak_heat = greatest(stories.peak_heat, excluded.peak_heat),
         negativity = excluded.negativity, updated_at = excluded.updated_at
     ),
     p_in as (${recordset(POST_ROWS, w.posts)}),
     up as (
       insert into posts (platform, platform_post_id, source_id, author_name, author_id, author_followers, author_verified, title, text,
                          media, url, place, region_code, latitude, longitude, published_at, likes, shares, comments, views, heat,
                          negativity, scheme_ids, story_id, received_at, updated_at)
       select platform, platform_post_id, source_id, author_name, author_id, author_followers, author_verified, title, text,
              media, url, place, region_code, latitude, longitude, published_at, likes, shares, comments, views, heat,
              negativity, scheme_ids, story_id, ${now}, ${now}
         from p_in
       on conflict (platform, platform_post_id) do update set
         author_name = coalesce(excluded.author_name, posts.author_name), author_id = coalesce(excluded.author_id, posts.author_id),
         author_followers = coalesce(excluded.author_followers, posts.author_followers),
         author_verified = excluded.author_verified or posts.author_verified,
         title = coalesce(excluded.title, posts.title), text = excluded.text,
         media = case when excluded.media = '[]'::jsonb then posts.media else excluded.media end,
         url = coalesce(excluded.url, posts.url), place = coalesce(excluded.place, posts.place),
         region_code = coalesce(excluded.region_code, posts.region_code),
         latitude = coalesce(excluded.latitude, posts.latitude), longitude = coalesce(excluded.longitude, posts.longitude),
         likes = excluded.likes, shares = excluded.shares, comments = excluded.comments, views = excluded.views,
         heat = excluded.heat, negativity = excluded.negativity, scheme_ids = excluded.scheme_ids,
         story_id = coalesce(posts.story_id, excluded.story_id), updated_at = excluded.updated_at
       returning id, platform, platform_post_id
     ),
     observed as (
       insert into post_engagement (post_id, observed_at, likes, shares, comments, views)
       select up.id, ${now}, i.likes, i.shares, i.comments, i.views
         from up join p_in i on i.platform = up.platform and i.platform_post_id = up.platform_post_id
        where i.observe
       on conflict (post_id, observed_at) do update set likes = excluded.likes, shares = excluded.shares, comments = excluded.comments, views = excluded.views
     ),
     a_in as (${recordset(ALERT_ROWS, w.alerts)}),
     created as (
       insert into alerts (story_id, post_id, level, reasons, created_at, updated_at)
       select a.story_id, up.id, a.level, a.reasons, ${now}, ${now}
         from a_in a join up on up.platform = a.post_platform and up.platform_post_id = a.post_pid
        where a.kind = 'create'
       on conflict (story_id) where status = 'open' do nothing
       returning id
     ),
     raised as (
       update alerts x set level = a.level, reasons = a.reasons, updated_at = ${now}
         from a_in a where a.kind = 'raise' and x.id = a.alert_id and x.status = 'open'
       returning x.id
     ),
     changed as (select id from created union all select id from raised),
     notified as (
       select pg_notify('${w.channel}', string_agg(id::text, ',')) from (select id, (row_number() over ()) / 400 as chunk from changed) c group by chunk
     )
     select coalesce((select array_agg(id) from changed), '{}') as alert_ids, (select count(*) from notified) as notifies;
     commit`,
  )) as unknown as { rows: { alert_ids: (number | string)[] }[] }[];
  return results[0]!.rows[0]!.alert_ids.map(Number);
}
