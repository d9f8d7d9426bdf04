/**
 * Monitoring rows for tests of the duty console: stories, posts with an engagement history, alerts
 * and roster shifts, written straight into the real tables (the intake pipeline is tested on its own).
 */
import crypto from 'node:crypto';
import type { Queryable } from '../db/pool';

/** A story (事件); defaults to a fresh one active now. */
export async function buildStory(db: Queryable, opts: { label?: string; regionCode?: string | null; at?: Date; heat?: number; negativity?: number | null; postCount?: number } = {}): Promise<{ id: string }> {
  const at = opts.at ?? new Date();
  const res = await db.query<{ id: string }>(
    `insert into stories (label, region_code, first_at, last_at, post_count, heat, peak_heat, negativity, created_at, updated_at)
     values ($1, $2, $3, $3, $4, $5, $5, $6, $3, $3) returning id::text as id`,
    [opts.label ?? '小区燃气泄漏', opts.regionCode ?? null, at, opts.postCount ?? 1, opts.heat ?? 10, opts.negativity === undefined ? 0.9 : opts.negativity],
  );
  const row = res.rows[0];
  if (!row) throw new Error('story not inserted');
  return row;
}

/** Options of a post; counters are the latest observation. */
export interface PostOptions {
  platform?: string;
  platformPostId?: string;
  storyId?: string | null;
  title?: string | null;
  text?: string;
  authorName?: string | null;
  place?: string | null;
  regionCode?: string | null;
  publishedAt?: Date;
  receivedAt?: Date;
  likes?: number;
  shares?: number;
  comments?: number;
  views?: number;
  heat?: number;
  negativity?: number | null;
  url?: string | null;
}

/** A post with one engagement observation at its received time. */
export async function buildPost(db: Queryable, opts: PostOptions = {}): Promise<{ id: string; publishedAt: Date; receivedAt: Date }> {
  const receivedAt = opts.receivedAt ?? new Date();
  const publishedAt = opts.publishedAt ?? new Date(receivedAt.getTime() - 20 * 60_000);
  const c = { likes: opts.likes ?? 10, shares: opts.shares ?? 2, comments: opts.comments ?? 3, views: opts.views ?? 500 };
  const res = await db.query<{ id: string }>(
    `insert into posts (platform, platform_post_id, author_name, title, text, url, place, region_code, published_at, received_at,
                        likes, shares, comments, views, heat, negativity, story_id, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $10) returning id::text as id`,
    [
      opts.platform ?? 'weibo',
      opts.platformPostId ?? crypto.randomUUID(),
      opts.authorName === undefined ? '颍州小王' : opts.authorName,
      opts.title ?? null,
      opts.text ?? '颍州区清河街道某小区燃气泄漏，味道很大，物业一直没人管，太危险了！',
      opts.url ?? null,
      opts.place ?? null,
      opts.regionCode ?? null,
      publishedAt,
      receivedAt,
      c.likes,
      c.shares,
      c.comments,
      c.views,
      opts.heat ?? 10,
      opts.negativity === undefined ? 0.92 : opts.negativity,
      opts.storyId ?? null,
    ],
  );
  const row = res.rows[0];
  if (!row) throw new Error('post not inserted');
  await observeEngagement(db, row.id, receivedAt, c);
  return { id: row.id, publishedAt, receivedAt };
}

/** One more observation of a post's counters (and the post's latest counters follow it). */
export async function observeEngagement(db: Queryable, postId: string, at: Date, c: { likes: number; shares: number; comments: number; views: number }): Promise<void> {
  await db.query(`insert into post_engagement (post_id, observed_at, likes, shares, comments, views) values ($1, $2, $3, $4, $5, $6)`, [postId, at, c.likes, c.shares, c.comments, c.views]);
  await db.query(`update posts set likes = $2, shares = $3, comments = $4, views = $5 where id = $1 and received_at <= $6`, [postId, c.likes, c.shares, c.comments, c.views, at]);
}

/** An alert on a story, raised by one of its posts. */
export async function buildAlert(
  db: Queryable,
  opts: { storyId: string; postId: string; level?: 'red' | 'orange' | 'yellow'; status?: 'open' | 'handled' | 'irrelevant' | 'dispatched'; reasons?: string[]; at?: Date },
): Promise<{ id: string; createdAt: Date }> {
  const at = opts.at ?? new Date();
  const res = await db.query<{ id: string }>(
    `insert into alerts (story_id, post_id, level, reasons, status, created_at, updated_at, handled_at)
     values ($1, $2, $3, $4, $5, $6, $6, case when $5 = 'open' then null else $6::timestamptz end) returning id::text as id`,
    [opts.storyId, opts.postId, opts.level ?? 'orange', JSON.stringify(opts.reasons ?? ['负面且热度上升']), opts.status ?? 'open', at],
  );
  const row = res.rows[0];
  if (!row) throw new Error('alert not inserted');
  return { id: row.id, createdAt: at };
}

/**
 * 告警: a negative post whose engagement rose over three observations, in its own story, with an
 * open alert raised a few minutes after it was published.
 */
export async function buildAlertScene(
  db: Queryable,
  opts: PostOptions & { level?: 'red' | 'orange' | 'yellow'; alertAt?: Date; label?: string } = {},
): Promise<{ storyId: string; postId: string; alertId: string; publishedAt: Date; alertAt: Date }> {
  const receivedAt = opts.receivedAt ?? new Date(Date.now() - 10 * 60_000);
  const story = await buildStory(db, { label: opts.label ?? '小区燃气泄漏', regionCode: opts.regionCode ?? null, at: receivedAt });
  const post = await buildPost(db, { ...opts, receivedAt, storyId: story.id, likes: 5, shares: 1, comments: 1, views: 100 });
  await observeEngagement(db, post.id, new Date(receivedAt.getTime() + 60_000), { likes: 40, shares: 12, comments: 9, views: 2000 });
  await observeEngagement(db, post.id, new Date(receivedAt.getTime() + 120_000), { likes: 160, shares: 55, comments: 31, views: 9000 });
  const alertAt = opts.alertAt ?? new Date(receivedAt.getTime() + 120_000);
  const alert = await buildAlert(db, { storyId: story.id, postId: post.id, level: opts.level ?? 'orange', at: alertAt });
  return { storyId: story.id, postId: post.id, alertId: alert.id, publishedAt: post.publishedAt, alertAt };
}

/** A roster shift for a duty officer. */
export async function buildShift(db: Queryable, opts: { userId: string; startsAt: Date; endsAt: Date; isLead?: boolean }): Promise<{ id: string }> {
  const id = crypto.randomUUID();
  await db.query(`insert into duty_shifts (id, user_id, starts_at, ends_at, is_lead) values ($1, $2, $3, $4, $5)`, [id, opts.userId, opts.startsAt, opts.endsAt, opts.isLead ?? false]);
  return { id };
}
