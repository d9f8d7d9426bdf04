// The ingest pipeline every connector feeds (push API, feed poller, file import):
//   validate → normalise → score negativity → match schemes → place → (transaction: upsert posts
//   and engagement → heat → story → alert rules → alert upsert → NOTIFY) → commit.
// A batch is all or nothing: a malformed post rejects it before anything is written.
import type { AppContext } from '../../context';
import type { Pool, PoolClient } from '../../db/pool';
import { storyIndex } from '../stories/index-cache';
import { currentCatalog } from './catalog';
import { preparePosts } from './prepare';
import { validatePosts, type Located } from './validate';
import { writeBatch, type BatchResult } from './write';

/** Deadlock or serialisation failure: safe to run the whole batch again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/** Runs a batch's transaction on one connection; rolls back whatever it left open on failure. */
async function onConnection<T>(pool: Pool, fn: (db: PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  try {
    return await fn(db);
  } catch (err) {
    await db.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    db.release();
  }
}

/** Validates, scores and stores a batch of raw posts from a source; all or nothing. */
export async function ingestPosts(ctx: AppContext, sourceId: string | null, raws: readonly Located[]): Promise<BatchResult> {
  const now = ctx.now();
  const inputs = validatePosts(raws, now);
  if (inputs.length === 0) return { received: 0, created: 0, updated: 0, alertIds: [] };
  const pendingCatalog = currentCatalog(ctx.pool);
  const prepared = await preparePosts(inputs, pendingCatalog);
  const catalog = await pendingCatalog;
  for (let attempt = 1; ; attempt++) {
    try {
      const index = storyIndex(ctx.pool);
      const written = await onConnection(ctx.pool, (db) => writeBatch(db, catalog, index, sourceId, prepared, raws.length, now));
      index.committed(written.newStories, written.reservedUpTo);
      return written.result;
    } catch (err) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
}
