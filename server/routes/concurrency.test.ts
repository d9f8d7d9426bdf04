import { describe, expect, it } from 'vitest';
import { buildAcceptedAppeal, buildAssignedAppeal, buildInProgressAppeal } from '../factories/appeals';
import { buildStaff, buildUnit, type StaffFixture } from '../factories/people';
import { useTestApp } from '../test/helpers';

const t = useTestApp();

/** Fires one action request; resolves with status and parsed body. */
async function fire(who: StaffFixture, id: string, action: string, body: object) {
  const res = await t.app.inject({ method: 'POST', url: `/api/appeals/${id}/actions/${action}`, headers: { authorization: `Bearer ${who.token}` }, payload: body });
  return { status: res.statusCode, body: JSON.parse(res.body) as { error?: { code: string } } };
}

async function events(id: string): Promise<{ seq: number; action: string }[]> {
  const res = await t.ctx.pool.query<{ seq: number; action: string }>('select seq, action from appeal_events where appeal_id = $1 order by seq', [id]);
  return res.rows;
}

async function version(id: string): Promise<number> {
  const res = await t.ctx.pool.query<{ version: number }>('select version from appeals where id = $1', [id]);
  return res.rows[0]?.version ?? -1;
}

function expectGapFree(seqs: number[]): void {
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
}

describe('concurrent actors serialise on the appeal row; the loser gets 409', () => {
  it.each([
    ['two different dispatchers', false],
    ['the same dispatcher twice', true],
  ])('%s assign the same accepted appeal at once', async (_name, same) => {
    const d1 = await buildStaff(t.ctx, 'dispatcher');
    const d2 = same ? d1 : await buildStaff(t.ctx, 'dispatcher');
    const unit1 = await buildUnit(t.ctx.pool);
    const unit2 = await buildUnit(t.ctx.pool);
    const { appeal } = await buildAcceptedAppeal(t.ctx, { cast: { dispatcher: d1 } });
    const v0 = await version(appeal.id);

    const results = await Promise.all([fire(d1, appeal.id, 'assign', { leadUnitId: unit1.id }), fire(d2, appeal.id, 'assign', { leadUnitId: unit2.id })]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(['INVALID_TRANSITION', 'VERSION_CONFLICT', 'CONFLICT']).toContain(loser?.body.error?.code);
    const log = await events(appeal.id);
    expect(log.filter((e) => e.action === 'assign')).toHaveLength(1);
    expectGapFree(log.map((e) => e.seq));
    expect(await version(appeal.id)).toBe(v0 + 1);
    // Exactly one unit leads, and it is the winner's.
    const leads = await t.ctx.pool.query('select unit_id from appeal_units where appeal_id = $1 and role = $2 and is_current', [appeal.id, 'lead']);
    expect(leads.rows).toHaveLength(1);
    const winnerUnit = results[0]?.status === 200 ? unit1.id : unit2.id;
    expect(leads.rows[0].unit_id).toBe(winnerUnit);
    const jobs = await t.ctx.pool.query('select count(*)::int as n from graphile_worker.jobs where key = any($1)', [[`deadline-warning:${appeal.id}`, `deadline-overdue:${appeal.id}`]]);
    expect(jobs.rows[0].n).toBe(2);
  });

  it('two signs at once: one 200, one 409, one sign event, version +1', async () => {
    const leadUnit = await buildUnit(t.ctx.pool);
    const handler = await buildStaff(t.ctx, 'handler', leadUnit);
    const head = await buildStaff(t.ctx, 'head', leadUnit);
    const { appeal } = await buildAssignedAppeal(t.ctx, { cast: { leadUnit, handler } });
    const v0 = await version(appeal.id);

    const results = await Promise.all([fire(handler, appeal.id, 'sign', {}), fire(head, appeal.id, 'sign', {})]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error?.code).toBe('INVALID_TRANSITION');
    const log = await events(appeal.id);
    expect(log.filter((e) => e.action === 'sign')).toHaveLength(1);
    expectGapFree(log.map((e) => e.seq));
    expect(await version(appeal.id)).toBe(v0 + 1);
  });

  it('two requests with the same expected version: one wins, the other gets VERSION_CONFLICT', async () => {
    const supervisor = await buildStaff(t.ctx, 'supervisor');
    const { appeal } = await buildInProgressAppeal(t.ctx);
    const v0 = await version(appeal.id);
    const results = await Promise.all([
      fire(supervisor, appeal.id, 'warn', { level: 'yellow', reason: '拖延', version: v0 }),
      fire(supervisor, appeal.id, 'warn', { level: 'red', reason: '严重拖延', version: v0 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error?.code).toBe('VERSION_CONFLICT');
    expect((await events(appeal.id)).filter((e) => e.action === 'warn')).toHaveLength(1);
    expect(await version(appeal.id)).toBe(v0 + 1);
  });

  it('10 concurrent urges all succeed with distinct, gap-free seq numbers', async () => {
    const supervisors = await Promise.all([buildStaff(t.ctx, 'supervisor'), buildStaff(t.ctx, 'supervisor')]);
    const { appeal } = await buildInProgressAppeal(t.ctx);
    const v0 = await version(appeal.id);
    const before = await events(appeal.id);
    const n = 10;

    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => fire(supervisors[i % 2] as StaffFixture, appeal.id, 'urge', { message: `第${i + 1}次催办` })),
    );

    expect(results.map((r) => r.status)).toEqual(Array(n).fill(200));
    const log = await events(appeal.id);
    expect(log).toHaveLength(before.length + n);
    expectGapFree(log.map((e) => e.seq));
    const urgeSeqs = log.filter((e) => e.action === 'urge').map((e) => e.seq);
    expect(urgeSeqs).toEqual(Array.from({ length: n }, (_, i) => before.length + 1 + i));
    expect(await version(appeal.id)).toBe(v0 + n);
    const notes = await t.ctx.pool.query('select count(*)::int as n from notifications where appeal_id = $1 and kind = $2', [appeal.id, 'urged']);
    expect(notes.rows[0].n).toBe(n);
  });
});
