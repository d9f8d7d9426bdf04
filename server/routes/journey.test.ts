import { describe, expect, it } from 'vitest';
import { buildStaff, buildUnit, randomPhone, type StaffFixture } from '../factories/people';
import { call, useTestApp } from '../test/helpers';

const t = useTestApp();

/** A resident proves their phone through the SMS outbox, as the real flow does. */
async function residentToken(phone: string): Promise<string> {
  expect((await call(t.app, 'POST', '/api/resident/otp', { body: { phone } })).status).toBe(202);
  const sms = await t.ctx.pool.query(`select body from sms_outbox where phone = $1 order by id desc limit 1`, [phone]);
  const code = /(\d{6})/.exec(sms.rows[0].body)?.[1];
  const res = await call(t.app, 'POST', '/api/resident/session', { body: { phone, code } });
  expect(res.status).toBe(200);
  return res.body.data.token;
}

async function act(f: { token: string }, id: string, action: string, body: object = {}) {
  const res = await call(t.app, 'POST', `/api/appeals/${id}/actions/${action}`, { token: f.token, body });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

describe('the closed loop over HTTP', () => {
  it('walks submit → accept → assign → return → reassign → sign → extension → reply → 不满意 → re-handle → reply → 满意 → closed', async () => {
    const phone = randomPhone();
    const resident = { token: await residentToken(phone) };
    const operator = await buildStaff(t.ctx, 'operator');
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const wrongUnit = await buildUnit(t.ctx.pool, { name: '市教育局' });
    const rightUnit = await buildUnit(t.ctx.pool, { name: '市城管局' });
    const wrongHandler = await buildStaff(t.ctx, 'handler', wrongUnit);
    const handler: StaffFixture = await buildStaff(t.ctx, 'handler', rightUnit);

    const created = await call(t.app, 'POST', '/api/appeals', {
      token: resident.token,
      body: { title: '小区垃圾无人清运', body: '颍州区文峰街道某小区门口垃圾三天无人清运，臭气熏天。', phone, mayPublish: true },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.data.id;
    expect(created.body.data.trackingCode).toMatch(/^\d{6}[0-9A-Z]{6}$/);
    expect(created.body.data.status).toBe('submitted');

    const accepted = (await act(operator, id, 'accept')).appeal;
    expect(accepted.status).toBe('accepted');
    expect(accepted.regionCode).toBe('341202002'); // 颍州区文峰街道, read from the text
    const assigned = await act(dispatcher, id, 'assign', { leadUnitId: wrongUnit.id });
    expect(assigned.appeal.status).toBe('assigned');
    expect(assigned.appeal.deadlines.dueAt).not.toBeNull();
    expect(assigned.appeal.policies).toEqual(['reassign']);
    expect((await act(wrongHandler, id, 'return', { reason: '不属于教育部门职责' })).appeal.status).toBe('returned');
    expect((await act(dispatcher, id, 'reassign', { leadUnitId: rightUnit.id })).appeal.status).toBe('assigned');
    // The unit that returned it no longer sees it.
    expect((await call(t.app, 'GET', `/api/appeals/${id}`, { token: wrongHandler.token })).status).toBe(404);

    const signed = await act(handler, id, 'sign');
    expect(signed.appeal.status).toBe('in_progress');
    expect(signed.appeal.policies).toEqual(expect.arrayContaining(['request_extension', 'reply']));
    const dueBefore = new Date(signed.appeal.deadlines.dueAt);
    await act(handler, id, 'request_extension', { days: 3, reason: '需协调环卫公司' });
    const granted = await act(dispatcher, id, 'grant_extension', {});
    expect(new Date(granted.appeal.deadlines.dueAt).getTime()).toBeGreaterThan(dueBefore.getTime());
    expect(granted.appeal.deadlines.extensionDays).toBe(3);

    expect((await act(handler, id, 'reply', { resolution: 'resolved', body: '已安排清运，并增加清运频次。' })).appeal.status).toBe('replied');
    const unhappy = await act(resident, id, 'rate', { rating: 'unsatisfied', comment: '第二天又堆满了' });
    expect(unhappy.appeal.status).toBe('reopened');
    expect((await call(t.app, 'GET', `/api/appeals/${id}`, { token: dispatcher.token })).body.data.unsatisfiedCount).toBe(1);
    // The unsatisfied zone lists it.
    const zone = await call(t.app, 'GET', '/api/appeals?unsatisfied=true&pageSize=100', { token: dispatcher.token });
    expect(zone.body.data.map((a: { id: string }) => a.id)).toContain(id);

    expect((await act(handler, id, 'sign')).appeal.status).toBe('in_progress');
    expect((await act(handler, id, 'reply', { resolution: 'resolved', body: '已设置固定垃圾收集点，每日清运两次。' })).appeal.status).toBe('replied');
    const closed = await act(resident, id, 'rate', { rating: 'satisfied' });
    expect(closed.appeal.status).toBe('closed');

    const detail = await call(t.app, 'GET', `/api/appeals/${id}`, { token: dispatcher.token });
    const events = detail.body.data.events as { action: string; actor: { type: string; id: string | null }; at: string; fromStatus: string | null; toStatus: string }[];
    expect(events.map((e) => e.action)).toEqual([
      'submit', 'accept', 'assign', 'return', 'reassign', 'sign', 'request_extension', 'grant_extension', 'reply', 'rate', 'sign', 'reply', 'rate',
    ]);
    for (const e of events) {
      expect(e.at).toBeTruthy();
      if (e.actor.type === 'user') expect(e.actor.id).toBeTruthy();
    }
    expect(events.filter((e) => e.actor.type === 'resident').map((e) => e.action)).toEqual(['submit', 'rate', 'rate']);
    expect(events[3]?.actor.id).toBe(wrongHandler.principal.userId);

    // The resident follows it by tracking code and phone and sees no staff identity.
    const track = await call(t.app, 'GET', `/api/track/${created.body.data.trackingCode}?phone=${phone}`);
    expect(track.status).toBe(200);
    expect(track.body.data.status).toBe('closed');
    expect(track.body.data.replies).toHaveLength(2);
    expect(JSON.stringify(track.body.data)).not.toContain(handler.principal.username);
    expect(JSON.stringify(track.body.data)).not.toContain(dispatcher.principal.userId);
  });

  it('covers merge, escalation, summons and instructions', async () => {
    const operator = await buildStaff(t.ctx, 'operator');
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const supervisor = await buildStaff(t.ctx, 'supervisor');
    const leader = await buildStaff(t.ctx, 'leader');
    const county = await buildUnit(t.ctx.pool, { kind: 'region', regionCode: '341221', name: '临泉县人民政府' });
    const town = await buildUnit(t.ctx.pool, { kind: 'region', regionCode: '341221001', parentId: county.id, name: '城关街道' });
    const water = await buildUnit(t.ctx.pool, { name: '水务集团', kind: 'enterprise' });
    const housing = await buildUnit(t.ctx.pool, { name: '住建局' });
    const townHandler = await buildStaff(t.ctx, 'handler', town);
    const waterHandler = await buildStaff(t.ctx, 'handler', water);
    const housingHandler = await buildStaff(t.ctx, 'handler', housing);
    const countyHead = await buildStaff(t.ctx, 'head', county);

    const first = await call(t.app, 'POST', '/api/appeals', { token: operator.token, body: { title: '路面积水', body: '城关街道人民路下水道堵塞，路面积水严重。', phone: randomPhone() } });
    const second = await call(t.app, 'POST', '/api/appeals', { token: operator.token, body: { title: '人民路积水', body: '人民路下水道堵了好几天，积水没人管。', phone: randomPhone() } });
    const id = first.body.data.id;
    await act(operator, id, 'accept');
    const merged = await act(operator, second.body.data.id, 'merge', { targetId: id, reason: '同一事项' });
    expect(merged.appeal.status).toBe('merged');
    expect(merged.appeal.mergedIntoId).toBe(id);

    await act(dispatcher, id, 'assign', { leadUnitId: town.id });
    await act(townHandler, id, 'sign');
    const summoned = await act(townHandler, id, 'summon', { unitIds: [water.id, housing.id], note: '管网疏通需水务、住建配合' });
    expect(summoned.appeal.units.filter((u: { role: string }) => u.role === 'summoned')).toHaveLength(2);
    // Each summoned unit now sees the appeal and must report.
    const waterView = await call(t.app, 'GET', `/api/appeals/${id}`, { token: waterHandler.token });
    expect(waterView.status).toBe(200);
    expect(waterView.body.data.policies).toEqual(['report']);
    await act(waterHandler, id, 'report', { note: '已派抢修队疏通管网' });
    await act(housingHandler, id, 'report', { note: '已安排路面修复' });
    const afterReports = await call(t.app, 'GET', `/api/appeals/${id}`, { token: waterHandler.token });
    expect(afterReports.body.data.policies).toEqual([]);

    await act(supervisor, id, 'urge', { message: '请加快办理' });
    const warned = await act(supervisor, id, 'warn', { level: 'yellow', reason: '群众反映强烈' });
    expect(warned.appeal.warningLevel).toBe('yellow');
    const escalated = await act(supervisor, id, 'escalate', { reason: '涉及多部门，提级督办' });
    expect(escalated.appeal.supervisionLevel).toBe(1);
    expect(escalated.event.payload.toUnitId).toBe(county.id);
    // The county (the level above) now sees it.
    expect((await call(t.app, 'GET', `/api/appeals/${id}`, { token: countyHead.token })).status).toBe(200);
    const instructed = await act(leader, id, 'instruct', { text: '请县政府牵头，三日内解决。' });
    expect(instructed.event.payload.text).toBe('请县政府牵头，三日内解决。');

    const notes = await t.ctx.pool.query(`select kind from notifications where appeal_id = $1 and recipient_unit_id = $2 order by id`, [id, town.id]);
    expect(notes.rows.map((r) => r.kind)).toEqual(expect.arrayContaining(['assigned_lead', 'reported', 'urged', 'warned', 'instructed']));
    const events = (await call(t.app, 'GET', `/api/appeals/${id}`, { token: leader.token })).body.data.events.map((e: { action: string }) => e.action);
    expect(events).toEqual(['submit', 'accept', 'merged_in', 'assign', 'sign', 'summon', 'report', 'report', 'urge', 'warn', 'escalate', 'instruct']);
  });
});
