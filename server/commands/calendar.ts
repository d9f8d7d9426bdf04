import { CalendarFormatError, parseCalendarYear, type CalendarDay } from '../../shared/calendar';
import type { AppContext } from '../context';
import { withTransaction } from '../db/pool';
import { invalid } from '../errors';
import { findAppealById, updateAppeal } from '../repositories/appeals';
import { appealsWithRunningClock, upsertCalendarOverride, upsertCalendarYear } from '../repositories/calendar';
import { appendEvent } from '../repositories/events';
import { recomputeDeadlines, scheduleDeadlineJobs } from './deadlines';

/**
 * Recomputes running deadlines after the calendar changed; unchanged ones are left alone. Each
 * appeal is its own short transaction with a system event, so a long run never blocks the desk.
 */
export async function recomputeRunningDeadlines(ctx: AppContext): Promise<number> {
  const ids = await appealsWithRunningClock(ctx.pool);
  let changed = 0;
  for (const id of ids) {
    const didChange = await withTransaction(ctx.pool, async (db) => {
      const a = await findAppealById(db, id, true);
      if (!a) return false;
      const calendar = await ctx.calendar.get(db);
      const patch = recomputeDeadlines(calendar, a);
      if (!patch || (patch.dueAt?.getTime() === a.dueAt?.getTime() && patch.isDueProvisional === a.isDueProvisional && patch.signDueAt?.getTime() === a.signDueAt?.getTime())) return false;
      const now = ctx.now();
      const updated = await updateAppeal(db, a.id, a.status, patch, now);
      await appendEvent(
        db,
        { appealId: a.id, action: 'deadline_recomputed', actorType: 'system', actorId: null, actorUnitId: null, fromStatus: a.status, toStatus: a.status, payload: { previousDueAt: a.dueAt, dueAt: patch.dueAt, isProvisional: patch.isDueProvisional } },
        now,
      );
      await scheduleDeadlineJobs(db, updated);
      return true;
    });
    if (didChange) changed += 1;
  }
  return changed;
}

/**
 * Loads a year's official schedule (holiday-cn JSON) and recomputes running deadlines: provisional
 * ones reach into it, and a corrected year can move any (unchanged ones are skipped).
 */
export async function importCalendarYear(ctx: AppContext, json: unknown, source: string, by: string | null): Promise<{ year: number; days: number; recomputed: number }> {
  let year;
  try {
    year = parseCalendarYear(json);
  } catch (err) {
    if (err instanceof CalendarFormatError) throw invalid('body', err.message);
    throw err;
  }
  await upsertCalendarYear(ctx.pool, year, source, by, ctx.now());
  const recomputed = await recomputeRunningDeadlines(ctx);
  return { year: year.year, days: year.days.length, recomputed };
}

/** Sets a local override (an extra day off, or a worked day) and recomputes running deadlines. */
export async function setCalendarOverride(ctx: AppContext, day: CalendarDay, by: string | null): Promise<{ recomputed: number }> {
  await upsertCalendarOverride(ctx.pool, day, by, ctx.now());
  return { recomputed: await recomputeRunningDeadlines(ctx) };
}
