import type { Task } from 'graphile-worker';
import { STATUS_CLASS } from '../../shared/workflow';
import type { AppContext } from '../context';
import { withTransaction } from '../db/pool';
import { notifyUnit } from '../commands/notify';
import { findAppealById } from '../repositories/appeals';
import { appendEvent } from '../repositories/events';
import { retrainFromDatabase, runDispatchAppeal } from '../dispatch/jobs';
import { pollFeeds } from '../monitor/feeds/poll';

interface DeadlinePayload {
  appealId: string;
  kind: 'warning' | 'overdue';
  dueAt: string;
}

/**
 * A deadline job fires: if the appeal's clock still runs against the same deadline, record the
 * warning or the overdue mark on its timeline and tell the lead unit. A moved or stopped clock
 * makes the job a no-op, so stale jobs are harmless.
 */
export async function runDeadlineCheck(ctx: AppContext, payload: DeadlinePayload): Promise<boolean> {
  return withTransaction(ctx.pool, async (db) => {
    const a = await findAppealById(db, payload.appealId, true);
    if (!a || !STATUS_CLASS[a.status].isClockRunning || a.dueAt?.toISOString() !== payload.dueAt) return false;
    const now = ctx.now();
    const action = payload.kind === 'warning' ? 'deadline_warning' : 'overdue';
    await appendEvent(db, { appealId: a.id, action, actorType: 'system', actorId: null, actorUnitId: null, fromStatus: a.status, toStatus: a.status, payload: { dueAt: payload.dueAt } }, now);
    if (a.leadUnitId) {
      const text = payload.kind === 'warning' ? `即将超期（${payload.dueAt}）：${a.title}` : `已超期：${a.title}`;
      await notifyUnit(db, a.id, a.leadUnitId, action, text, now);
    }
    return true;
  });
}

/** The task list graphile-worker runs. */
export function taskList(ctx: AppContext): Record<string, Task> {
  return {
    deadline_check: async (payload) => {
      await runDeadlineCheck(ctx, payload as DeadlinePayload);
    },
    dispatch_appeal: async (payload) => {
      await runDispatchAppeal(ctx, (payload as { appealId: string }).appealId);
    },
    dispatch_retrain: async () => {
      await retrainFromDatabase(ctx, 'scheduled');
    },
    poll_feeds: async () => {
      await pollFeeds(ctx);
    },
    send_sms: async (payload) => {
      const p = payload as { phone: string; body: string };
      await ctx.sms.send(ctx.pool, p.phone, p.body);
    },
  };
}
