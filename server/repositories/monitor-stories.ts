// Stories (事件): posts about one event, with the MinHash signature of their first post
// (monitor/stories). A batch reads and writes them through monitor-batch.ts; this file holds what
// the in-memory LSH index (stories/index-cache.ts) loads on its periodic reload.
import type { Queryable } from '../db/pool';

/** Signatures of the stories active since a moment, and the highest id of a story with a signature. */
export async function loadRecentStorySignatures(db: Queryable, since: Date): Promise<{ rows: { id: number; signature: number[]; lastAt: Date }[]; maxId: number }> {
  const res = await db.query<{ id: number; signature: number[]; lastAt: Date }>(
    `select id, signature, last_at as "lastAt" from stories where last_at >= $1 and signature is not null`,
    [since],
  );
  // Only stories the pipeline made (they carry signatures): those are reserved and committed in id
  // order under the ingest lock, so no uncommitted one hides below this maximum.
  const max = await db.query<{ id: number | null }>('select max(id) as id from stories where signature is not null');
  return { rows: res.rows, maxId: max.rows[0]?.id ?? 0 };
}
