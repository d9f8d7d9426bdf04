import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import type { AppContext } from '../context';
import { buildAcceptedAppeal } from '../factories/appeals';
import { buildStaff, buildUnit } from '../factories/people';
import type { Appeal } from '../repositories/appeals';
import { closeTestPool, testContext } from '../test/helpers';
import { importCalendarYear, setCalendarOverride } from './calendar';
import { performTransition } from './transition';

// calendar_years and calendar_overrides are global to the shared test database. This file is the
// only one that loads calendar years; it works in 2082–2083 (made-up fixture schedules; 2082 has
// the same weekdays as 2026), far from any real deadline. Its overrides are on dates in March 2024, which no other test's
// deadlines touch.

afterAll(async () => {
  await closeTestPool();
});

/** A context whose clock reads `iso`, with a calendar cache of its own (as a separate app node). */
function at(iso: string): AppContext {
  const fixed = new Date(iso);
  return testContext({ now: () => new Date(fixed) });
}

/** Submits, accepts and assigns an appeal at the context's time; returns the assigned appeal. */
async function assignAt(ctx: AppContext, body: Record<string, unknown> = {}): Promise<Appeal> {
  const dispatcher = await buildStaff(ctx, 'dispatcher');
  const leadUnit = await buildUnit(ctx.pool);
  const { appeal } = await buildAcceptedAppeal(ctx, { cast: { dispatcher, leadUnit } });
  const { appeal: assigned } = await performTransition(ctx, dispatcher.principal, appeal.id, 'assign', { leadUnitId: leadUnit.id, coUnitIds: [], ...body });
  return assigned;
}

async function reload(ctx: AppContext, id: string) {
  const res = await ctx.pool.query<{ dueAt: Date; signDueAt: Date; isDueProvisional: boolean; version: number }>(
    'select due_at as "dueAt", sign_due_at as "signDueAt", is_due_provisional as "isDueProvisional", version from appeals where id = $1',
    [id],
  );
  const row = res.rows[0];
  if (!row) throw new Error(`appeal ${id} missing`);
  return row;
}

async function recomputeEvents(ctx: AppContext, id: string) {
  const res = await ctx.pool.query<{ actor_type: string; payload: { previousDueAt: string; dueAt: string; isProvisional: boolean } }>(
    `select actor_type, payload from appeal_events where appeal_id = $1 and action = 'deadline_recomputed' order by seq`,
    [id],
  );
  return res.rows;
}

async function overdueJobRunAt(ctx: AppContext, id: string): Promise<number | undefined> {
  const res = await ctx.pool.query<{ runAt: Date }>('select run_at as "runAt" from graphile_worker.jobs where key = $1', [`deadline-overdue:${id}`]);
  return res.rows[0]?.runAt.getTime();
}

/** End of a Shanghai calendar day as an instant. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

describe('deadlines through the real assign command cross the 2025 National Day break', () => {
  // 2025: 1–8 October off; Sunday 28 September and Saturday 11 October are make-up working days.
  const cases: { start: string; body: Record<string, unknown>; signDue: string; due: string }[] = [
    { start: '2025-09-26T10:00:00+08:00', body: {}, signDue: endOf('2025-09-28'), due: '2025-10-10T15:59:59.999Z' },
    { start: '2025-09-30T10:00:00+08:00', body: {}, signDue: endOf('2025-10-09'), due: endOf('2025-10-14') },
    { start: '2025-10-01T09:00:00+08:00', body: {}, signDue: endOf('2025-10-09'), due: endOf('2025-10-14') },
    { start: '2025-09-26T10:00:00+08:00', body: { timeLimitClass: 'urgent' }, signDue: endOf('2025-09-26'), due: endOf('2025-09-29') },
    { start: '2025-09-26T10:00:00+08:00', body: { timeLimitClass: 'complex', handleDays: 10 }, signDue: endOf('2025-09-28'), due: endOf('2025-10-16') },
    // Late at night still counts from the next day (the day of assignment never counts).
    { start: '2025-09-30T23:30:00+08:00', body: {}, signDue: endOf('2025-10-09'), due: endOf('2025-10-14') },
  ];
  it.each(cases)('assigned $start with $body → due $due', async ({ start, body, signDue, due }) => {
    const ctx = at(start);
    const appeal = await assignAt(ctx, body);
    expect(appeal.dueAt?.toISOString()).toBe(due);
    expect(appeal.signDueAt?.toISOString()).toBe(signDue);
    expect(appeal.isDueProvisional).toBe(false);
    expect(appeal.clockStartedAt?.toISOString()).toBe(new Date(start).toISOString());
  });
});

describe('importCalendarYear', () => {
  let loaded2083: string[] = [];
  it('refuses a bad year file with a 400 naming the field, storing nothing', async () => {
    const ctx = at('2082-12-24T10:00:00+08:00');
    const year = 2300 + Math.floor(Math.random() * 500);
    const bad: [unknown, string][] = [
      ['not an object', 'calendar'],
      [{ days: [] }, 'year'],
      [{ year: 'next', days: [] }, 'year'],
      [{ year }, 'days'],
      [{ year, days: [{ date: `${year}-02-30`, isOffDay: true, name: '测试' }] }, 'days[0].date'],
      [{ year, days: [{ date: `${year + 1}-05-01`, isOffDay: true, name: '测试' }] }, 'days[0].date'],
      [{ year, days: [{ date: `${year}-05-01`, isOffDay: 1, name: '测试' }] }, 'days[0].isOffDay'],
      [{ year, days: [{ date: `${year}-05-01`, isOffDay: true }] }, 'days[0].name'],
      [
        {
          year,
          days: [
            { date: `${year}-05-01`, isOffDay: true, name: '测试' },
            { date: `${year}-05-01`, isOffDay: false, name: '测试' },
          ],
        },
        'days[1].date',
      ],
      [{ year, papers: 'none', days: [] }, 'papers'],
    ];
    for (const [json, field] of bad) {
      const err = await importCalendarYear(ctx, json, 'test', null).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, JSON.stringify(json)).toBeInstanceOf(AppError);
      const appErr = err as AppError;
      expect(appErr.status).toBe(400);
      expect(appErr.code).toBe('VALIDATION_FAILED');
      expect(appErr.message, JSON.stringify(json)).toContain(field);
    }
    const stored = await ctx.pool.query('select count(*)::int as n from calendar_years where year in ($1, $2)', [year, year + 1]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('loading 2083 recomputes the provisional deadlines that reach into it', async () => {
    // Note: five working days from Thursday 2082-12-24 end on Thursday 2082-12-31, inside 2082, so
    // that appeal is not provisional. Seven days from the 24th, or five from Monday the 28th, reach 2083.
    // 2082 is loaded as a plain year (weekends only, a test fixture) so that only 2083 is unknown.
    await importCalendarYear(at('2082-12-01T10:00:00+08:00'), { year: 2082, days: [] }, 'test', null);
    const on24 = at('2082-12-24T10:00:00+08:00');
    const on28 = at('2082-12-28T10:00:00+08:00');
    const within2082 = await assignAt(on24);
    const sevenDays = await assignAt(on24, { handleDays: 7 });
    const fiveDays = await assignAt(on28);

    expect(within2082.dueAt?.toISOString()).toBe(endOf('2082-12-31'));
    expect(within2082.isDueProvisional).toBe(false);
    // Without a 2083 schedule the calendar counts Mon–Fri: 1 January 2083 (Friday) is a working day.
    expect(sevenDays.dueAt?.toISOString()).toBe(endOf('2083-01-04'));
    expect(sevenDays.isDueProvisional).toBe(true);
    expect(fiveDays.dueAt?.toISOString()).toBe(endOf('2083-01-04'));
    expect(fiveDays.isDueProvisional).toBe(true);
    expect(fiveDays.signDueAt?.toISOString()).toBe(endOf('2082-12-29'));

    // A made-up schedule, NOT the official 2083 one: a test fixture with two days off.
    const TEST_FIXTURE_2083 = {
      year: 2083,
      papers: ['TEST FIXTURE — not an official State Council notice'],
      days: [
        { date: '2083-01-01', isOffDay: true, name: '元旦（测试数据）' },
        { date: '2083-01-04', isOffDay: true, name: '测试休息日' },
      ],
    };
    const result = await importCalendarYear(on28, TEST_FIXTURE_2083, 'test', null);
    expect(result.year).toBe(2083);
    expect(result.days).toBe(2);
    expect(result.recomputed).toBeGreaterThanOrEqual(2);

    for (const a of [sevenDays, fiveDays]) {
      const now = await reload(on28, a.id);
      expect(now.isDueProvisional).toBe(false);
      expect(now.dueAt.toISOString()).toBe(endOf('2083-01-06'));
      expect(now.dueAt.getTime()).toBeGreaterThan(a.dueAt?.getTime() ?? 0);
      expect(now.version).toBe(a.version + 1);
      const events = await recomputeEvents(on28, a.id);
      expect(events).toHaveLength(1);
      expect(events[0]?.actor_type).toBe('system');
      expect(events[0]?.payload).toMatchObject({ previousDueAt: endOf('2083-01-04'), dueAt: endOf('2083-01-06'), isProvisional: false });
      expect(await overdueJobRunAt(on28, a.id)).toBe(now.dueAt.getTime() + 1000);
    }
    // The appeal that never reached 2083 is untouched.
    const untouched = await reload(on24, within2082.id);
    expect(untouched.version).toBe(within2082.version);
    expect(untouched.dueAt.toISOString()).toBe(endOf('2082-12-31'));
    expect(await recomputeEvents(on24, within2082.id)).toEqual([]);

    // A node that cached the calendar before the load sees the new year on its next read.
    const fresh = await assignAt(on28);
    expect(fresh.dueAt?.toISOString()).toBe(endOf('2083-01-06'));
    expect(fresh.isDueProvisional).toBe(false);
    loaded2083 = [sevenDays.id, fiveDays.id, fresh.id];
  });

  it('re-loading a corrected 2083 schedule recomputes the running deadlines computed on the old one', async () => {
    expect(loaded2083).toHaveLength(3);
    // A later clock than the first load, so the calendar cache sees the change whatever its fingerprint.
    const later = at('2082-12-29T10:00:00+08:00');
    const CORRECTED_TEST_FIXTURE_2083 = {
      year: 2083,
      papers: ['TEST FIXTURE (corrected) — not an official State Council notice'],
      days: [
        { date: '2083-01-01', isOffDay: true, name: '元旦（测试数据）' },
        { date: '2083-01-04', isOffDay: true, name: '测试休息日' },
        { date: '2083-01-05', isOffDay: true, name: '测试补充休息日' },
      ],
    };
    await importCalendarYear(later, CORRECTED_TEST_FIXTURE_2083, 'test', null);
    expect((await later.calendar.get(later.pool)).isWorkingDay('2083-01-05')).toBe(false);
    for (const id of loaded2083) expect((await reload(later, id)).dueAt.toISOString(), id).toBe(endOf('2083-01-07'));
  });
});

describe('setCalendarOverride', () => {
  // Monday 2024-03-04: five working days end on Monday 2024-03-11 (no holiday in between).
  const ctx = at('2024-03-04T10:00:00+08:00');
  let inWindow: Appeal;
  let outside: Appeal;

  it('moves the deadline of an appeal whose window holds the date, and only that one', async () => {
    inWindow = await assignAt(ctx);
    outside = await assignAt(at('2024-03-11T10:00:00+08:00'));
    expect(inWindow.dueAt?.toISOString()).toBe(endOf('2024-03-11'));
    expect(outside.dueAt?.toISOString()).toBe(endOf('2024-03-18'));

    const result = await setCalendarOverride(ctx, { date: '2024-03-06', isOffDay: true, name: '测试：临时停工' }, null);
    expect(result.recomputed).toBeGreaterThanOrEqual(1);
    const moved = await reload(ctx, inWindow.id);
    expect(moved.dueAt.toISOString()).toBe(endOf('2024-03-12'));
    expect(moved.version).toBe(inWindow.version + 1);
    expect(await recomputeEvents(ctx, inWindow.id)).toHaveLength(1);
    expect(await overdueJobRunAt(ctx, inWindow.id)).toBe(moved.dueAt.getTime() + 1000);

    const still = await reload(ctx, outside.id);
    expect(still.dueAt.toISOString()).toBe(endOf('2024-03-18'));
    expect(still.version).toBe(outside.version);
    expect(await recomputeEvents(ctx, outside.id)).toEqual([]);
  });

  it('a worked Saturday moves it earlier', async () => {
    await setCalendarOverride(ctx, { date: '2024-03-09', isOffDay: false, name: '测试：周六上班' }, null);
    // 5th, 7th, 8th, 9th (Saturday, worked), 11th.
    expect((await reload(ctx, inWindow.id)).dueAt.toISOString()).toBe(endOf('2024-03-11'));
    expect(await recomputeEvents(ctx, inWindow.id)).toHaveLength(2);
  });

  it('changing an existing override back is seen even when the clock reads the same instant', async () => {
    // Same clock reading as the first override (as on a node whose clock lags, or within one ms).
    await setCalendarOverride(ctx, { date: '2024-03-06', isOffDay: false, name: '测试：恢复上班' }, null);
    // 5th, 6th, 7th, 8th, 9th (Saturday, worked).
    expect((await reload(ctx, inWindow.id)).dueAt.toISOString()).toBe(endOf('2024-03-09'));
  });
});
