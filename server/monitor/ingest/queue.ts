// Group commit for ingest batches (per process). Batches queue for the ingest lock anyway; the
// batches that arrive while one is being written are merged and written together, under one lock
// and in two round trips, instead of one after another. That cuts the fixed cost per batch and,
// more importantly on a busy machine, the time a batch waits behind the others. Each caller still
// gets its own result; if a merged group fails, its batches are retried one by one so that only
// the batch that fails reports the error.
import type { AppContext } from '../../context';
import type { Pool, PoolClient } from '../../db/pool';
import { storyIndex } from '../stories/index-cache';
import type { Catalog } from './catalog';
import type { PreparedPost } from './prepare';
import { writeGroup, type BatchResult, type GroupPost } from './write';

/** Largest merged group, in posts (a single larger batch, e.g. an import, runs alone). */
export const MAX_GROUP_POSTS = 2000;
/** Deadlock or serialisation failure: safe to run the whole group again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

interface Job {
  posts: readonly PreparedPost[];
  sourceId: string | null;
  received: number;
  catalog: Catalog;
  resolve: (r: BatchResult) => void;
  reject: (err: unknown) => void;
}

/** Runs a transaction on one connection; rolls back whatever it left open on failure. */
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

/** Writes jobs as one group; the result of each, in order. */
async function writeJobs(ctx: AppContext, jobs: readonly Job[]): Promise<BatchResult[]> {
  const merged = new Map<string, GroupPost>();
  for (const job of jobs) for (const post of job.posts) merged.set(post.key, { post, sourceId: job.sourceId });
  const catalog = jobs.at(-1)!.catalog;
  const index = storyIndex(ctx.pool);
  for (let attempt = 1; ; attempt++) {
    try {
      const now = ctx.now();
      const written = await onConnection(ctx.pool, (db) => writeGroup(db, catalog, index, [...merged.values()], now));
      index.committed(written.newStories, written.reservedUpTo);
      const seen = new Set(written.known);
      return jobs.map((job) => {
        const keys = new Set(job.posts.map((p) => p.key));
        const created = [...keys].filter((k) => !seen.has(k)).length;
        for (const k of keys) seen.add(k);
        return { received: job.received, created, updated: keys.size - created, alertIds: written.alerts.filter((a) => keys.has(a.postKey)).map((a) => a.id) };
      });
    } catch (err) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
}

/** The queue of batches waiting for the ingest lock in this process. */
class IngestQueue {
  private readonly jobs: Job[] = [];
  private isRunning = false;

  constructor(private readonly ctx: AppContext) {}

  submit(job: Omit<Job, 'resolve' | 'reject'>): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.jobs.push({ ...job, resolve, reject });
      void this.run();
    });
  }

  private take(): Job[] {
    const group = [this.jobs.shift()!];
    let size = group[0]!.posts.length;
    while (this.jobs.length > 0 && size + this.jobs[0]!.posts.length <= MAX_GROUP_POSTS) {
      size += this.jobs[0]!.posts.length;
      group.push(this.jobs.shift()!);
    }
    return group;
  }

  private async run(): Promise<void> {
    if (this.isRunning) return;
    this.isRunning = true;
    try {
      while (this.jobs.length > 0) await this.runGroup(this.take());
    } finally {
      this.isRunning = false;
    }
  }

  private async runGroup(group: Job[]): Promise<void> {
    try {
      const results = await writeJobs(this.ctx, group);
      group.forEach((job, k) => job.resolve(results[k]!));
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      for (const job of group) {
        await writeJobs(this.ctx, [job]).then(([r]) => job.resolve(r!), job.reject);
      }
    }
  }
}

const queues = new WeakMap<Pool, IngestQueue>();

/** Queues a prepared batch for writing; resolves with its result once its group committed. */
export function submitBatch(ctx: AppContext, job: Omit<Job, 'resolve' | 'reject'>): Promise<BatchResult> {
  let queue = queues.get(ctx.pool);
  if (!queue) {
    queue = new IngestQueue(ctx);
    queues.set(ctx.pool, queue);
  }
  return queue.submit(job);
}
