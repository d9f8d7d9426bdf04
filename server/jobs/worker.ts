import { Logger, run, type Runner } from 'graphile-worker';
import type { AppContext } from '../context';
import { taskList } from './tasks';

/** Starts the job worker in this process; jobs live in PostgreSQL, so any app node may run one. */
export async function startWorker(ctx: AppContext, log: (level: string, msg: string) => void): Promise<Runner> {
  return run({
    pgPool: ctx.pool,
    taskList: taskList(ctx),
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2000,
    // Nightly retraining on the city's own settled appeals (corrections included); one node runs it.
    // Every minute: poll the RSS/Atom monitoring feeds that are due (each source has its own interval).
    crontab: ['0 2 * * * dispatch_retrain ?max=1', '* * * * * poll_feeds ?max=1'].join('\n'),
    logger: new Logger(() => (level, message) => {
      if (level === 'error' || level === 'warning') log(level, message);
    }),
  });
}
