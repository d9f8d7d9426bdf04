// Monitored posts (舆情) and alerts from database rows to the shapes in shared/monitor.ts, which the
// duty console's views and the live stream's `event: alert` payload share.

import type { AlertLevel, AlertStatus, AlertView, PostView } from '../../shared/monitor';

export type { AlertLevel, AlertStatus, AlertView, PostView } from '../../shared/monitor';

type Time = Date | string;
type Int = number | string;

/**
 * A `posts` row (snake_case, as `select * from posts` or `to_jsonb(p)` returns it). Times may be
 * Date objects (pg) or strings (jsonb); bigints may be numbers or strings.
 */
export interface PostRow {
  id: Int;
  platform: string;
  platform_post_id: string;
  author_name: string | null;
  author_followers: number | null;
  author_verified: boolean;
  title: string | null;
  text: string;
  media: unknown;
  url: string | null;
  place: string | null;
  region_code: string | null;
  published_at: Time;
  received_at: Time;
  likes: Int;
  shares: Int;
  comments: Int;
  views: Int;
  heat: number;
  negativity: number | null;
  scheme_ids: string[] | null;
}

/**
 * An `alerts` row joined with its story (columns prefixed `story_`) and its post as `post`
 * (`to_jsonb(p)`); see ALERT_VIEW_SQL in repositories/monitor-alerts.ts, which yields exactly this.
 */
export interface AlertRow {
  id: Int;
  level: AlertLevel;
  status: AlertStatus;
  reasons: unknown;
  created_at: Time;
  updated_at: Time;
  appeal_id: string | null;
  story_id: Int;
  story_label: string;
  story_post_count: number;
  story_heat: number;
  story_first_at: Time;
  story_last_at: Time;
  story_region_code: string | null;
  post: PostRow;
}

function iso(t: Time): string {
  return (t instanceof Date ? t : new Date(t)).toISOString();
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Heat is a float; two decimals are all a console needs. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The console's view of a post. */
export function presentPost(row: PostRow): PostView {
  return {
    id: String(row.id),
    platform: row.platform,
    platformPostId: row.platform_post_id,
    authorName: row.author_name,
    authorFollowers: row.author_followers,
    authorVerified: row.author_verified,
    title: row.title,
    text: row.text,
    media: strings(row.media),
    url: row.url,
    place: row.place,
    regionCode: row.region_code,
    publishedAt: iso(row.published_at),
    receivedAt: iso(row.received_at),
    likes: Number(row.likes),
    shares: Number(row.shares),
    comments: Number(row.comments),
    views: Number(row.views),
    heat: round2(row.heat),
    negativity: row.negativity === null ? null : Math.round(row.negativity * 10000) / 10000,
    schemeIds: row.scheme_ids ?? [],
  };
}

/** The console's (and the live stream's) view of an alert. */
export function presentAlert(row: AlertRow): AlertView {
  return {
    id: String(row.id),
    level: row.level,
    status: row.status,
    reasons: strings(row.reasons),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    appealId: row.appeal_id,
    story: {
      id: String(row.story_id),
      label: row.story_label,
      postCount: row.story_post_count,
      heat: round2(row.story_heat),
      firstAt: iso(row.story_first_at),
      lastAt: iso(row.story_last_at),
      regionCode: row.story_region_code,
    },
    post: presentPost(row.post),
  };
}
