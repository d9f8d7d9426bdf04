import { describe, expect, it } from 'vitest';
import { buildAcceptedAppeal, buildClosedAppeal, buildOverdueAppeal } from '../factories/appeals';
import { buildStaff, buildUnit, randomPhone } from '../factories/people';
import { call, snapshotAppeal, useTestApp } from '../test/helpers';
import { QUEUES } from '../repositories/queues';

const t = useTestApp();

describe('workbench endpoints', () => {
  it('counts a unit’s queues and lists a queue', async () => {
    const { appeal, cast } = await buildOverdueAppeal(t.ctx);
    const handler = await buildStaff(t.ctx, 'handler', cast.leadUnit);
    const counts = await call(t.app, 'GET', '/api/queues', { token: handler.token });
    expect(counts.status).toBe(200);
    expect(counts.body.data.overdue).toBe(1);
    expect(counts.body.data.in_progress).toBe(1);
    expect(counts.body.data.to_sign).toBe(0);
    const list = await call(t.app, 'GET', '/api/appeals?queue=overdue', { token: handler.token });
    expect(list.body.data.map((a: { id: string }) => a.id)).toEqual([appeal.id]);
    expect(list.body.data[0].deadlines.state).toBe('overdue');
    expect((await call(t.app, 'GET', '/api/appeals?queue=nope', { token: handler.token })).status).toBe(400);
    // Every queue lists for a unit user and for a city-level user alike.
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    for (const q of QUEUES) {
      for (const who of [handler, dispatcher]) {
        const res = await call(t.app, 'GET', `/api/appeals?queue=${q}`, { token: who.token });
        expect(res.status, `${q} as ${who.principal.role}: ${JSON.stringify(res.body)}`).toBe(200);
        if (who === handler) expect(res.body.page.total).toBe(counts.body.data[q]);
      }
    }
  });

  it('bulk-assigns all or nothing', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const unit = await buildUnit(t.ctx.pool);
    const a = await buildAcceptedAppeal(t.ctx);
    const b = await buildAcceptedAppeal(t.ctx);
    const closed = await buildClosedAppeal(t.ctx);
    const before = await snapshotAppeal(t.ctx.pool, a.appeal.id);
    const refused = await call(t.app, 'POST', '/api/appeals/bulk/assign', { token: dispatcher.token, body: { ids: [a.appeal.id, closed.appeal.id], leadUnitId: unit.id } });
    expect(refused.status).toBe(409);
    expect(await snapshotAppeal(t.ctx.pool, a.appeal.id)).toBe(before);
    const ok = await call(t.app, 'POST', '/api/appeals/bulk/assign', { token: dispatcher.token, body: { ids: [a.appeal.id, b.appeal.id], leadUnitId: unit.id } });
    expect(ok.status).toBe(200);
    expect(ok.body.data.assigned).toBe(2);
    const detail = await call(t.app, 'GET', `/api/appeals/${b.appeal.id}`, { token: dispatcher.token });
    expect(detail.body.data.status).toBe('assigned');
  });

  it('publishes consented answers on the echo wall with personal data masked', async () => {
    const phone = randomPhone();
    const { appeal } = await buildClosedAppeal(t.ctx, {
      phone,
      residentName: '王建国',
      title: '回音壁测试垃圾清运',
      body: `我是王建国，住清河路3栋401室，电话${phone}，门口垃圾没人清运。`,
      mayPublish: true,
    });
    const wall = await call(t.app, 'GET', `/api/public/appeals?q=${encodeURIComponent('回音壁测试')}`);
    expect(wall.status).toBe(200);
    const entry = wall.body.data.find((x: { id: string }) => x.id === appeal.id);
    expect(entry).toBeDefined();
    const text = JSON.stringify(entry);
    expect(text).not.toContain('王建国');
    expect(text).not.toContain(phone);
    expect(text).not.toContain('401室');
    expect(entry.body).toContain('王**');
    expect(entry.reply.body.length).toBeGreaterThan(5);
    const hidden = await buildClosedAppeal(t.ctx, { title: '回音壁测试不公开', mayPublish: false });
    const wall2 = await call(t.app, 'GET', `/api/public/appeals?q=${encodeURIComponent('回音壁测试')}&pageSize=100`);
    expect(wall2.body.data.map((x: { id: string }) => x.id)).not.toContain(hidden.appeal.id);
  });

  it('serves overview numbers, overdue by unit, templates and admin lists', async () => {
    const leader = await buildStaff(t.ctx, 'leader');
    const admin = await buildStaff(t.ctx, 'admin');
    const { cast } = await buildOverdueAppeal(t.ctx);
    const ov = await call(t.app, 'GET', '/api/stats/overview', { token: leader.token });
    expect(ov.status).toBe(200);
    expect(ov.body.data.trend).toHaveLength(30);
    expect(ov.body.data.today.received).toBeGreaterThanOrEqual(0);
    const byUnit = await call(t.app, 'GET', '/api/stats/overdue-by-unit', { token: leader.token });
    expect(byUnit.body.data.find((r: { unitId: string }) => r.unitId === cast.leadUnit.id)?.overdue).toBe(1);
    const tpl = await call(t.app, 'POST', '/api/reply-templates', { token: admin.token, body: { categoryCode: '01', title: '已清运', body: '您好，您反映的问题已安排处理。' } });
    expect(tpl.status).toBe(201);
    const forSub = await call(t.app, 'GET', '/api/reply-templates?category=01.02', { token: leader.token });
    expect(forSub.body.data.map((t: { id: string }) => t.id)).toContain(tpl.body.data.id);
    expect((await call(t.app, 'POST', '/api/reply-templates', { token: leader.token, body: { title: 'x', body: '12345678' } })).status).toBe(403);
    const users = await call(t.app, 'GET', '/api/admin/users', { token: admin.token });
    expect(users.body.data.some((u: { username: string; passwordHash?: string }) => u.username === leader.principal.username && u.passwordHash === undefined)).toBe(true);
    const unit = await call(t.app, 'POST', '/api/admin/units', { token: admin.token, body: { code: `t${Date.now().toString(36)}`, name: '测试新单位', kind: 'department', regionCode: '341200' } });
    expect(unit.status).toBe(201);
    const badUnit = await call(t.app, 'POST', '/api/admin/units', { token: admin.token, body: { code: 'x', name: '测试新单位', kind: 'department', regionCode: '341200' } });
    expect(badUnit.status).toBe(400);
    expect(badUnit.body.error.message).toContain('code');
  });
});
