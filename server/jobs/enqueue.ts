import type { Queryable } from '../db/pool';

/** Names of the queued tasks (handlers in jobs/tasks.ts). */
export type TaskName = 'deadline_check' | 'send_sms' | 'dispatch_appeal' | 'dispatch_retrain' | 'poll_feeds';

/**
 * Enqueues a job in the caller's transaction (graphile-worker's add_job is plain SQL), so the job
 * exists exactly when the change that caused it commits. A job key replaces an earlier job with
 * the same key (a moved deadline reschedules its warning).
 */
export async function enqueueJob(
  db: Queryable,
  task: TaskName,
  payload: Record<string, unknown>,
  opts: { runAt?: Date; jobKey?: string } = {},
): Promise<void> {
  await db.query(
    `select graphile_worker.add_job($1, $2::json, run_at := $3, job_key := $4, max_attempts := 10)`,
    [task, JSON.stringify(payload), opts.runAt ?? null, opts.jobKey ?? null],
  );
}

/** Removes a pending keyed job (the clock stopped). */
export async function cancelJob(db: Queryable, jobKey: string): Promise<void> {
  await db.query('select graphile_worker.remove_job($1)', [jobKey]);
}
