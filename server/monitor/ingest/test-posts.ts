// Direct pipeline helpers for the monitoring tests: ingest posts without HTTP, read back stories
// and alerts.
import type { AppContext } from '../../context';
import { ingestPosts } from './pipeline';
import type { BatchResult } from './write';

/** Ingests push-shaped posts as one batch (no source). */
export async function ingest(ctx: AppContext, posts: Record<string, unknown>[]): Promise<BatchResult> {
  return ingestPosts(ctx, null, posts.map((value, index) => ({ value, where: `posts[${index}]`, index })));
}

/** The story ids of posts, by platform post id. */
export async function storyIdsOf(ctx: AppContext, platformPostIds: string[]): Promise<Map<string, number>> {
  const res = await ctx.pool.query<{ platform_post_id: string; story_id: number }>('select platform_post_id, story_id from posts where platform_post_id = any($1)', [platformPostIds]);
  return new Map(res.rows.map((r) => [r.platform_post_id, r.story_id]));
}

/** Every alert of a story, oldest first. */
export async function alertsOfStory(ctx: AppContext, storyId: number): Promise<{ id: number; level: string; status: string; reasons: string[]; post_id: number }[]> {
  return (await ctx.pool.query('select id, level, status, reasons, post_id from alerts where story_id = $1 order by id', [storyId])).rows;
}
