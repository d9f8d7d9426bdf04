import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildShift } from '../factories/monitor';
import { buildStaff, buildUnit } from '../factories/people';
import { call, expectValidation, useTestApp } from '../test/helpers';

// Roster tests live in 2032 so that "who is on duty now" sees only this file's shifts.
let clock = new Date('2032-05-10T02:00:00Z');
const t = useTestApp({ now: () => clock });
const hour = 3600_000;
const at = (h: number) => new Date(clock.getTime() + h * hour).toISOString();

describe('the duty roster (值班表)', () => {
  it('lets an admin add shifts, refuses overlaps of the same officer with 409, and deletes', async () => {
    const admin = await buildStaff(t.ctx, 'admin');
    const duty = await buildStaff(t.ctx, 'duty_officer');
    const other = await buildStaff(t.ctx, 'duty_officer');
    expect((await call(t.app, 'POST', '/api/monitor/roster', { body: { userId: duty.principal.userId, startsAt: at(0), endsAt: at(8) } })).status).toBe(401);
    const created = await call(t.app, 'POST', '/api/monitor/roster', { token: admin.token, body: { userId: duty.principal.userId, startsAt: at(0), endsAt: at(8), isLead: true } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data).toMatchObject({ userId: duty.principal.userId, isLead: true, displayName: duty.principal.displayName });
    const clash = await call(t.app, 'POST', '/api/monitor/roster', { token: admin.token, body: { userId: duty.principal.userId, startsAt: at(7), endsAt: at(15) } });
    expect(clash.status).toBe(409);
    // Back to back is no overlap, and another officer may share the hours.
    expect((await call(t.app, 'POST', '/api/monitor/roster', { token: admin.token, body: { userId: duty.principal.userId, startsAt: at(8), endsAt: at(16) } })).status).toBe(201);
    expect((await call(t.app, 'POST', '/api/monitor/roster', { token: admin.token, body: { userId: other.principal.userId, startsAt: at(4), endsAt: at(12) } })).status).toBe(201);

    expectValidation(await call(t.app, 'POST', '/api/monitor/roster', { token: admin.token, body: { userId: other.principal.userId, startsAt: at(30), endsAt: at(29) } }), 'body.endsAt', 'an end before the start');
    expectValidation(await call(t.app, 'POST', '/api/monitor/roster', { token: admin.token, body: { userId: other.principal.userId, startsAt: at(30), endsAt: at(60) } }), 'body.endsAt', 'a shift over 24 hours');
    expectValidation(await call(t.app, 'POST', '/api/monitor/roster', { token: admin.token, body: { userId: admin.principal.userId, startsAt: at(30), endsAt: at(38) } }), 'body.userId', 'someone who is no duty officer');
    expectValidation(await call(t.app, 'POST', '/api/monitor/roster', { token: admin.token, body: { userId: other.principal.userId, startsAt: 'tomorrow', endsAt: at(38) } }), 'body.startsAt', 'a malformed time');

    expectValidation(await call(t.app, 'GET', `/api/monitor/roster?from=${encodeURIComponent(at(2))}&to=${encodeURIComponent(at(1))}`, { token: duty.token }), 'querystring.to', 'a range ending before it starts');
    const officers = await call(t.app, 'GET', '/api/monitor/roster/officers', { token: admin.token });
    expect(officers.body.data.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([duty.principal.userId, other.principal.userId]));
    expect(officers.body.data.map((o: { id: string }) => o.id)).not.toContain(admin.principal.userId);
    const list = await call(t.app, 'GET', `/api/monitor/roster?from=${encodeURIComponent(at(-1))}&to=${encodeURIComponent(at(24))}`, { token: duty.token });
    expect(list.status).toBe(200);
    const mine = list.body.data.filter((s: { userId: string }) => [duty.principal.userId, other.principal.userId].includes(s.userId));
    expect(mine).toHaveLength(3);

    const now = await call(t.app, 'GET', '/api/monitor/roster/now', { token: duty.token });
    expect(now.body.data.now.map((s: { userId: string }) => s.userId)).toContain(duty.principal.userId);
    expect(now.body.data.next.map((s: { userId: string }) => s.userId)).toContain(other.principal.userId);

    const del = await call(t.app, 'DELETE', `/api/monitor/roster/${created.body.data.id}`, { token: admin.token });
    expect(del.status).toBe(200);
    expect((await call(t.app, 'DELETE', `/api/monitor/roster/${created.body.data.id}`, { token: admin.token })).status).toBe(404);
    clock = new Date(clock.getTime() + 48 * hour);
  });

  it('lets the lead duty officer on shift edit the roster, but not a plain officer or a unit user', async () => {
    const lead = await buildStaff(t.ctx, 'duty_officer');
    const plain = await buildStaff(t.ctx, 'duty_officer');
    const unit = await buildUnit(t.ctx.pool);
    const handler = await buildStaff(t.ctx, 'handler', unit);
    await buildShift(t.ctx.pool, { userId: lead.principal.userId, startsAt: new Date(clock.getTime() - hour), endsAt: new Date(clock.getTime() + 7 * hour), isLead: true });
    const body = { userId: plain.principal.userId, startsAt: at(7), endsAt: at(15) };
    expect((await call(t.app, 'POST', '/api/monitor/roster', { token: plain.token, body })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/monitor/roster', { token: handler.token })).status).toBe(403);
    expect((await call(t.app, 'DELETE', `/api/monitor/roster/${crypto.randomUUID()}`, { token: handler.token })).status).toBe(404);
    const res = await call(t.app, 'POST', '/api/monitor/roster', { token: lead.token, body });
    expect(res.status).toBe(201);
    clock = new Date(clock.getTime() + 48 * hour);
  });

  it('keeps handover notes under the author’s running shift', async () => {
    const duty = await buildStaff(t.ctx, 'duty_officer');
    const leader = await buildStaff(t.ctx, 'leader');
    const shift = await buildShift(t.ctx.pool, { userId: duty.principal.userId, startsAt: new Date(clock.getTime() - hour), endsAt: new Date(clock.getTime() + 7 * hour) });
    expectValidation(await call(t.app, 'POST', '/api/monitor/handovers', { token: duty.token, body: { note: '  ' } }), 'body.note', 'an empty note');
    expect((await call(t.app, 'POST', '/api/monitor/handovers', { token: leader.token, body: { note: '领导不交班' } })).status).toBe(403);
    const res = await call(t.app, 'POST', '/api/monitor/handovers', { token: duty.token, body: { note: '颍州区燃气泄漏已转住建局，待回复；临泉施工扰民持续关注。' } });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ shiftId: shift.id, authorId: duty.principal.userId });
    const list = await call(t.app, 'GET', '/api/monitor/handovers?limit=50', { token: leader.token });
    expect(list.body.data.map((h: { id: string }) => h.id)).toContain(res.body.data.id);
  });
});
