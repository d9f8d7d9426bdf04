// The ingest pipeline every connector feeds (push API, feed poller, file import):
//   validate → normalise → score negativity, sign (text worker) → match schemes → place →
//   queue (group commit, queue.ts) → transaction: lock, read known posts and stories → heat →
//   story → alert rules → write posts, engagement, stories, alerts, NOTIFY → commit.
// A batch is all or nothing: a malformed post rejects it before anything is written.
import type { AppContext } from '../../context';
import { currentCatalog } from './catalog';
import { preparePosts } from './prepare';
import { submitBatch } from './queue';
import { validatePosts, type Located } from './validate';
import type { BatchResult } from './write';

/** Validates, scores and stores a batch of raw posts from a source; all or nothing. */
export async function ingestPosts(ctx: AppContext, sourceId: string | null, raws: readonly Located[]): Promise<BatchResult> {
  const inputs = validatePosts(raws, ctx.now());
  if (inputs.length === 0) return { received: 0, created: 0, updated: 0, alertIds: [] };
  const pendingCatalog = currentCatalog(ctx.pool);
  const posts = await preparePosts(inputs, pendingCatalog);
  return submitBatch(ctx, { posts, sourceId, received: raws.length, catalog: await pendingCatalog });
}
