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
    logger: new Logger(() => (level, message) => {
      if (level === 'error' || level === 'warning') log(level, message);
    }),
  });
}
