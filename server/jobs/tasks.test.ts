import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performTransition } from '../commands/transition';
import type { AppContext } from '../context';
import { buildAcceptedAppeal, buildAssignedAppeal, buildInProgressAppeal, buildOverdueAppeal, buildRepliedAppeal } from '../factories/appeals';
import { buildStaff, buildUnit } from '../factories/people';
import { closeTestPool, snapshotAppeal, testContext } from '../test/helpers';
import { runDeadlineCheck } from './tasks';

let ctx: AppContext;

beforeAll(() => {
  ctx = testContext();
});
afterAll(async () => {
  await closeTestPool();
});

async function deadlineJobs(appealId: string): Promise<{ key: string; runAt: Date; task: string }[]> {
  const res = await ctx.pool.query<{ key: string; runAt: Date; task: string }>(
    `select key, run_at as "runAt", task_identifier as task from graphile_worker.jobs where key = any($1) order by key`,
    [[`deadline-overdue:${appealId}`, `deadline-warning:${appealId}`]],
  );
  return res.rows;
}

async function eventsOf(appealId: string) {
  const res = await ctx.pool.query<{ action: string; actor_type: string; payload: { dueAt?: string }; from_status: string; to_status: string }>(
    'select action, actor_type, payload, from_status, to_status from appeal_events where appeal_id = $1 order by seq',
    [appealId],
  );
  return res.rows;
}

describe('runDeadlineCheck', () => {
  it('marks an overdue appeal with a system event and tells the lead unit', async () => {
    const leadUnit = await buildUnit(ctx.pool);
    const { appeal } = await buildOverdueAppeal(ctx, { cast: { leadUnit } });
    expect(appeal.dueAt).not.toBeNull();
    const dueAt = appeal.dueAt?.toISOString() ?? '';

    expect(await runDeadlineCheck(ctx, { appealId: appeal.id, kind: 'overdue', dueAt })).toBe(true);

    const last = (await eventsOf(appeal.id)).at(-1);
    expect(last).toMatchObject({ action: 'overdue', actor_type: 'system', from_status: 'in_progress', to_status: 'in_progress', payload: { dueAt } });
    const notes = await ctx.pool.query('select kind, recipient_unit_id from notifications where appeal_id = $1 and kind = $2', [appeal.id, 'overdue']);
    expect(notes.rows).toEqual([{ kind: 'overdue', recipient_unit_id: leadUnit.id }]);
    // The status and version of the appeal are untouched: the mark is on the timeline only.
    const row = await ctx.pool.query('select status, version from appeals where id = $1', [appeal.id]);
    expect(row.rows[0]).toEqual({ status: 'in_progress', version: appeal.version });
  });

  it('a warning records deadline_warning and notifies the lead unit', async () => {
    const leadUnit = await buildUnit(ctx.pool);
    const { appeal } = await buildInProgressAppeal(ctx, { cast: { leadUnit } });
    const dueAt = appeal.dueAt?.toISOString() ?? '';
    expect(await runDeadlineCheck(ctx, { appealId: appeal.id, kind: 'warning', dueAt })).toBe(true);
    expect((await eventsOf(appeal.id)).at(-1)).toMatchObject({ action: 'deadline_warning', actor_type: 'system' });
    const notes = await ctx.pool.query('select recipient_unit_id from notifications where appeal_id = $1 and kind = $2', [appeal.id, 'deadline_warning']);
    expect(notes.rows).toEqual([{ recipient_unit_id: leadUnit.id }]);
  });

  it('a stale payload (the deadline moved) does nothing', async () => {
    const { appeal } = await buildOverdueAppeal(ctx);
    const before = await snapshotAppeal(ctx.pool, appeal.id);
    const stale = new Date((appeal.dueAt?.getTime() ?? 0) - 24 * 3600 * 1000).toISOString();
    expect(await runDeadlineCheck(ctx, { appealId: appeal.id, kind: 'overdue', dueAt: stale })).toBe(false);
    expect(await runDeadlineCheck(ctx, { appealId: appeal.id, kind: 'warning', dueAt: stale })).toBe(false);
    expect(await snapshotAppeal(ctx.pool, appeal.id)).toBe(before);
  });

  it('a replied appeal (clock stopped) does nothing', async () => {
    const { appeal } = await buildRepliedAppeal(ctx);
    expect(appeal.status).toBe('replied');
    const before = await snapshotAppeal(ctx.pool, appeal.id);
    expect(await runDeadlineCheck(ctx, { appealId: appeal.id, kind: 'overdue', dueAt: appeal.dueAt?.toISOString() ?? '' })).toBe(false);
    expect(await snapshotAppeal(ctx.pool, appeal.id)).toBe(before);
  });

  it('an unknown appeal does nothing', async () => {
    expect(await runDeadlineCheck(ctx, { appealId: crypto.randomUUID(), kind: 'overdue', dueAt: new Date().toISOString() })).toBe(false);
  });
});

describe('deadline jobs follow the clock', () => {
  it('assign enqueues the warning and overdue jobs; reply removes them', async () => {
    const leadUnit = await buildUnit(ctx.pool);
    const handler = await buildStaff(ctx, 'handler', leadUnit);
    const { appeal } = await buildAssignedAppeal(ctx, { cast: { leadUnit, handler } });
    const due = appeal.dueAt?.getTime() ?? 0;
    expect(due).toBeGreaterThan(0);

    const jobs = await deadlineJobs(appeal.id);
    expect(jobs.map((j) => j.key)).toEqual([`deadline-overdue:${appeal.id}`, `deadline-warning:${appeal.id}`]);
    for (const j of jobs) expect(j.task).toBe('deadline_check');
    expect(jobs[0]?.runAt.getTime()).toBe(due + 1000);
    expect(jobs[1]?.runAt.getTime()).toBe(due - 24 * 3600 * 1000);

    await performTransition(ctx, handler.principal, appeal.id, 'sign', {});
    expect(await deadlineJobs(appeal.id)).toHaveLength(2);
    await performTransition(ctx, handler.principal, appeal.id, 'reply', { resolution: 'resolved', body: '已处理完毕，特此答复。', attachmentIds: [] });
    expect(await deadlineJobs(appeal.id)).toEqual([]);
  });

  it('a granted extension moves the jobs to the new deadline', async () => {
    const leadUnit = await buildUnit(ctx.pool);
    const handler = await buildStaff(ctx, 'handler', leadUnit);
    const dispatcher = await buildStaff(ctx, 'dispatcher');
    const { appeal } = await buildInProgressAppeal(ctx, { cast: { leadUnit, handler, dispatcher } });
    await performTransition(ctx, handler.principal, appeal.id, 'request_extension', { days: 2, reason: '需要协调' });
    const { appeal: extended } = await performTransition(ctx, dispatcher.principal, appeal.id, 'grant_extension', {});
    const due = extended.dueAt?.getTime() ?? 0;
    expect(due).toBeGreaterThan(appeal.dueAt?.getTime() ?? 0);
    const jobs = await deadlineJobs(appeal.id);
    expect(jobs.map((j) => j.runAt.getTime())).toEqual([due + 1000, due - 24 * 3600 * 1000]);
  });

  it('a reply awaiting the head’s review keeps the clock and its jobs; the approval removes them', async () => {
    const leadUnit = await buildUnit(ctx.pool, { requiresReplyReview: true });
    const handler = await buildStaff(ctx, 'handler', leadUnit);
    const head = await buildStaff(ctx, 'head', leadUnit);
    const { appeal } = await buildInProgressAppeal(ctx, { cast: { leadUnit, handler } });
    const { appeal: reviewing } = await performTransition(ctx, handler.principal, appeal.id, 'reply', { resolution: 'resolved', body: '已处理完毕，特此答复。', attachmentIds: [] });
    expect(reviewing.status).toBe('reply_review');
    expect(await deadlineJobs(appeal.id)).toHaveLength(2);
    const { appeal: approved } = await performTransition(ctx, head.principal, appeal.id, 'approve_reply', {});
    expect(approved.status).toBe('replied');
    expect(await deadlineJobs(appeal.id)).toEqual([]);
  });

  it('the warning job honours the time-limit class’s warn_before_hours (urgent: 8 hours, not 24)', async () => {
    const dispatcher = await buildStaff(ctx, 'dispatcher');
    const leadUnit = await buildUnit(ctx.pool);
    const { appeal: accepted } = await buildAcceptedAppeal(ctx, { cast: { dispatcher, leadUnit } });
    const { appeal } = await performTransition(ctx, dispatcher.principal, accepted.id, 'assign', { leadUnitId: leadUnit.id, coUnitIds: [], timeLimitClass: 'urgent' });
    const cls = await ctx.pool.query<{ hours: number }>(`select warn_before_hours as hours from time_limit_classes where code = 'urgent'`);
    const hours = cls.rows[0]?.hours ?? -1;
    expect(hours).not.toBe(24);
    const due = appeal.dueAt?.getTime() ?? 0;
    const warning = (await deadlineJobs(appeal.id)).find((j) => j.key.startsWith('deadline-warning:'));
    expect(warning?.runAt.getTime()).toBe(due - hours * 3600 * 1000);
  });

  it('a return stops the clock and removes the jobs', async () => {
    const leadUnit = await buildUnit(ctx.pool);
    const handler = await buildStaff(ctx, 'handler', leadUnit);
    const { appeal } = await buildAssignedAppeal(ctx, { cast: { leadUnit, handler } });
    expect(await deadlineJobs(appeal.id)).toHaveLength(2);
    await performTransition(ctx, handler.principal, appeal.id, 'return', { reason: '非本单位职责' });
    expect(await deadlineJobs(appeal.id)).toEqual([]);
  });
});
