import type { WorkingCalendar } from '../../shared/calendar';
import type { AppealPatch, Appeal } from '../repositories/appeals';
import type { PoolClient } from '../db/pool';
import { cancelJob, enqueueJob } from '../jobs/enqueue';
import { findTimeLimitClass } from '../repositories/reference';

/** The clock of an appeal: when it started, its limits in working days and granted extensions. */
export interface Clock {
  startedAt: Date;
  signDays: number;
  handleDays: number;
  extensionDays: number;
}

/** Sign-for and completion deadlines as pure functions of the clock and the calendar. */
export function computeDeadlines(calendar: WorkingCalendar, clock: Clock): Pick<AppealPatch, 'signDueAt' | 'dueAt' | 'isDueProvisional'> {
  const sign = calendar.addWorkingDays(clock.startedAt, clock.signDays);
  const due = calendar.addWorkingDays(clock.startedAt, clock.handleDays + clock.extensionDays);
  return { signDueAt: sign.due, dueAt: due.due, isDueProvisional: due.provisional || sign.provisional };
}

/** Starts (or restarts) an appeal's clock at `at`: the patch to store. */
export function startClock(calendar: WorkingCalendar, at: Date, signDays: number, handleDays: number): AppealPatch {
  return {
    clockStartedAt: at,
    signLimitDays: signDays,
    handleLimitDays: handleDays,
    extensionDays: 0,
    ...computeDeadlines(calendar, { startedAt: at, signDays, handleDays, extensionDays: 0 }),
  };
}

/** Recomputes an appeal's deadlines from its stored clock (after an extension or a calendar load). */
export function recomputeDeadlines(calendar: WorkingCalendar, a: Appeal, extraDays = 0): AppealPatch | null {
  if (!a.clockStartedAt || a.handleLimitDays === null || a.signLimitDays === null) return null;
  const extensionDays = a.extensionDays + extraDays;
  return {
    extensionDays,
    ...computeDeadlines(calendar, { startedAt: a.clockStartedAt, signDays: a.signLimitDays, handleDays: a.handleLimitDays, extensionDays }),
  };
}

/**
 * (Re)schedules the warning before the completion deadline and the overdue mark after it. Job keys
 * per appeal make a moved deadline replace the old jobs; the task re-checks the appeal when it runs.
 */
export async function scheduleDeadlineJobs(db: PoolClient, a: Appeal): Promise<void> {
  if (!a.dueAt) return;
  const limitClass = await findTimeLimitClass(db, a.timeLimitClass);
  const warnBeforeMs = (limitClass?.warnBeforeHours ?? 24) * 3600 * 1000;
  const dueAt = a.dueAt.toISOString();
  await enqueueJob(db, 'deadline_check', { appealId: a.id, kind: 'warning', dueAt }, {
    runAt: new Date(a.dueAt.getTime() - warnBeforeMs),
    jobKey: `deadline-warning:${a.id}`,
  });
  await enqueueJob(db, 'deadline_check', { appealId: a.id, kind: 'overdue', dueAt }, {
    runAt: new Date(a.dueAt.getTime() + 1000),
    jobKey: `deadline-overdue:${a.id}`,
  });
}

/** Drops the deadline jobs of an appeal whose clock stopped. */
export async function cancelDeadlineJobs(db: PoolClient, appealId: string): Promise<void> {
  await cancelJob(db, `deadline-warning:${appealId}`);
  await cancelJob(db, `deadline-overdue:${appealId}`);
}
