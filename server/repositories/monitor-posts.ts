// Monitored posts (舆情帖文) and their engagement time series. A batch writes them through
// monitor-batch.ts; this file holds what other readers need.
import type { Queryable } from '../db/pool';
import type { Engagement } from '../monitor/ingest/heat';

/** The identity of a post across platforms (platform + platform post id). */
export function postKey(platform: string, platformPostId: string): string {
  return `${platform}\u0000${platformPostId}`;
}

/** The engagement series of a post, oldest first. */
export async function engagementSeries(db: Queryable, postId: number | string): Promise<(Engagement & { observedAt: Date })[]> {
  const res = await db.query<Engagement & { observedAt: Date }>(
    `select observed_at as "observedAt", likes, shares, comments, views from post_engagement where post_id = $1 order by observed_at`,
    [postId],
  );
  return res.rows;
}
