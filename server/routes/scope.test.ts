import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain';
import { ACTIONS } from '../../shared/workflow';
import { openSession } from '../auth/session';
import { performTransition } from '../commands/transition';
import { buildAcceptedAppeal, buildInProgressAppeal, buildSubmittedAppeal } from '../factories/appeals';
import { buildStaff, buildUnit, randomPhone } from '../factories/people';
import type { Unit } from '../repositories/units';
import { call, snapshotAppeal, useTestApp, validActionBody } from '../test/helpers';

const t = useTestApp();

const uuid = () => crypto.randomUUID();


/** An appeal in progress, led by `leadUnit`. */
async function ledBy(leadUnit: Unit, opts: { phone?: string } = {}) {
  const handler = await buildStaff(t.ctx, 'handler', leadUnit);
  const { appeal } = await buildInProgressAppeal(t.ctx, { ...(opts.phone ? { phone: opts.phone } : {}), cast: { leadUnit, handler } });
  return { appeal, handler };
}

async function listIds(token: string, query = 'pageSize=100'): Promise<string[]> {
  const res = await call(t.app, 'GET', `/api/appeals?${query}`, { token });
  expect(res.status).toBe(200);
  return res.body.data.map((a: { id: string }) => a.id);
}

describe('a unit sees its own appeals only', () => {
  it('unit A’s handler reads A’s appeal, gets 404 on B’s for GET and every action, and B’s is not in A’s list', async () => {
    const unitA = await buildUnit(t.ctx.pool);
    const unitB = await buildUnit(t.ctx.pool);
    const { appeal: appealA, handler: handlerA } = await ledBy(unitA);
    const { appeal: appealB } = await ledBy(unitB);

    expect((await call(t.app, 'GET', `/api/appeals/${appealA.id}`, { token: handlerA.token })).status).toBe(200);
    const get = await call(t.app, 'GET', `/api/appeals/${appealB.id}`, { token: handlerA.token });
    expect(get.status).toBe(404);
    expect(get.body.error.code).toBe('NOT_FOUND');

    const before = await snapshotAppeal(t.ctx.pool, appealB.id);
    for (const action of ACTIONS) {
      const res = await call(t.app, 'POST', `/api/appeals/${appealB.id}/actions/${action}`, { token: handlerA.token, body: validActionBody(action, unitA.id) });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect(await snapshotAppeal(t.ctx.pool, appealB.id)).toBe(before);

    const ids = await listIds(handlerA.token);
    expect(ids).toContain(appealA.id);
    expect(ids).not.toContain(appealB.id);
    // Filtering by the other unit reveals nothing either.
    expect(await listIds(handlerA.token, `unit=${unitB.id}`)).toEqual([]);
  });

  it('an unknown appeal id and an invisible one answer the same 404', async () => {
    const unitA = await buildUnit(t.ctx.pool);
    const { handler: handlerA } = await ledBy(unitA);
    const { appeal: appealB } = await ledBy(await buildUnit(t.ctx.pool));
    const invisible = await call(t.app, 'GET', `/api/appeals/${appealB.id}`, { token: handlerA.token });
    const unknown = await call(t.app, 'GET', `/api/appeals/${uuid()}`, { token: handlerA.token });
    expect(invisible).toEqual(unknown);
  });

  it('a co-unit sees the appeal; a returned lead no longer does', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const lead = await buildUnit(t.ctx.pool);
    const co = await buildUnit(t.ctx.pool);
    const next = await buildUnit(t.ctx.pool);
    const leadHandler = await buildStaff(t.ctx, 'handler', lead);
    const coHandler = await buildStaff(t.ctx, 'handler', co);
    const { appeal } = await buildAcceptedAppeal(t.ctx, { cast: { dispatcher } });
    await performTransition(t.ctx, dispatcher.principal, appeal.id, 'assign', { leadUnitId: lead.id, coUnitIds: [co.id] });

    const coView = await call(t.app, 'GET', `/api/appeals/${appeal.id}`, { token: coHandler.token });
    expect(coView.status).toBe(200);
    expect(coView.body.data.policies).toEqual([]);
    expect(await listIds(coHandler.token)).toContain(appeal.id);

    await performTransition(t.ctx, leadHandler.principal, appeal.id, 'return', { reason: '非本单位职责' });
    await performTransition(t.ctx, dispatcher.principal, appeal.id, 'reassign', { leadUnitId: next.id, coUnitIds: [] });
    expect((await call(t.app, 'GET', `/api/appeals/${appeal.id}`, { token: leadHandler.token })).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/appeals/${appeal.id}`, { token: coHandler.token })).status).toBe(404);
    expect(await listIds(coHandler.token)).not.toContain(appeal.id);
  });
});

describe('a region government sees its region', () => {
  it('the county sees appeals led by its towns and county departments, not another county’s town', async () => {
    const county = await buildUnit(t.ctx.pool, { kind: 'region', regionCode: '341221', name: '临泉县人民政府' });
    const town = await buildUnit(t.ctx.pool, { kind: 'region', regionCode: '341221001', parentId: county.id, name: '城关街道办事处' });
    const countyDept = await buildUnit(t.ctx.pool, { kind: 'department', regionCode: '341221', parentId: county.id, name: '临泉县住建局' });
    const otherTown = await buildUnit(t.ctx.pool, { kind: 'region', regionCode: '341202002', name: '文峰街道办事处' });
    const cityDept = await buildUnit(t.ctx.pool, { kind: 'department', name: '市住建局' });
    const countyHead = await buildStaff(t.ctx, 'head', county);
    const countyHandler = await buildStaff(t.ctx, 'handler', county);

    const byTown = await ledBy(town);
    const byDept = await ledBy(countyDept);
    const byOtherTown = await ledBy(otherTown);
    const byCity = await ledBy(cityDept);

    for (const who of [countyHead, countyHandler]) {
      expect((await call(t.app, 'GET', `/api/appeals/${byTown.appeal.id}`, { token: who.token })).status).toBe(200);
      expect((await call(t.app, 'GET', `/api/appeals/${byDept.appeal.id}`, { token: who.token })).status).toBe(200);
      expect((await call(t.app, 'GET', `/api/appeals/${byOtherTown.appeal.id}`, { token: who.token })).status).toBe(404);
      expect((await call(t.app, 'GET', `/api/appeals/${byCity.appeal.id}`, { token: who.token })).status).toBe(404);
      const ids = await listIds(who.token);
      expect(ids).toEqual(expect.arrayContaining([byTown.appeal.id, byDept.appeal.id]));
      expect(ids).not.toContain(byOtherTown.appeal.id);
      expect(ids).not.toContain(byCity.appeal.id);
    }
    // Seeing is not acting: the county may not sign for its town.
    const sign = await call(t.app, 'POST', `/api/appeals/${byTown.appeal.id}/actions/reply`, { token: countyHandler.token, body: validActionBody('reply', county.id) });
    expect(sign.status).toBe(403);

    // The town sees its own appeal but not the county department's (that is above it, not below).
    expect((await call(t.app, 'GET', `/api/appeals/${byTown.appeal.id}`, { token: byTown.handler.token })).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/appeals/${byDept.appeal.id}`, { token: byTown.handler.token })).status).toBe(404);
    // The other county's town does not see the county's appeals.
    expect((await call(t.app, 'GET', `/api/appeals/${byTown.appeal.id}`, { token: byOtherTown.handler.token })).status).toBe(404);
  });

  it('a county platform dispatcher sees appeals located in its county, not elsewhere', async () => {
    const platform = await buildUnit(t.ctx.pool, { kind: 'platform', regionCode: '341221', name: '临泉县12345分中心' });
    const countyDispatcher = await buildStaff(t.ctx, 'dispatcher', platform);
    const here = await buildSubmittedAppeal(t.ctx, { regionCode: '341221001' });
    const there = await buildSubmittedAppeal(t.ctx, { regionCode: '341202002' });
    expect((await call(t.app, 'GET', `/api/appeals/${here.id}`, { token: countyDispatcher.token })).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/appeals/${there.id}`, { token: countyDispatcher.token })).status).toBe(404);
    const ids = await listIds(countyDispatcher.token, 'status=submitted&pageSize=100&region=341221001');
    expect(ids).toContain(here.id);
  });
});

describe('residents and city-level roles', () => {
  it('a resident sees only the appeals with their phone', async () => {
    const phone = randomPhone();
    const mine1 = await buildSubmittedAppeal(t.ctx, { phone });
    const { appeal: mine2 } = await ledBy(await buildUnit(t.ctx.pool), { phone });
    const theirs = await buildSubmittedAppeal(t.ctx, { phone: randomPhone() });
    const token = (await openSession(t.ctx, { residentPhone: phone })).token;

    const res = await call(t.app, 'GET', '/api/appeals?pageSize=100', { token });
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: { id: string }) => a.id).sort()).toEqual([mine1.id, mine2.id].sort());
    expect(res.body.page.total).toBe(2);
    expect((await call(t.app, 'GET', `/api/appeals/${mine1.id}`, { token })).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/appeals/${theirs.id}`, { token })).status).toBe(404);
    // Asking for someone else's phone in the filter does not widen the scope.
    expect((await call(t.app, 'GET', `/api/appeals?phone=${theirs.phone}`, { token })).body.data).toEqual([]);
    const before = await snapshotAppeal(t.ctx.pool, theirs.id);
    for (const action of ACTIONS) {
      const r = await call(t.app, 'POST', `/api/appeals/${theirs.id}/actions/${action}`, { token, body: validActionBody(action, uuid()) });
      expect(r.status, action).toBe(404);
    }
    expect(await snapshotAppeal(t.ctx.pool, theirs.id)).toBe(before);
  });

  it('a resident reading their own appeal by id sees no staff identity, internal step or unpublished reply', async () => {
    const phone = randomPhone();
    const leadUnit = await buildUnit(t.ctx.pool, { requiresReplyReview: true });
    const handler = await buildStaff(t.ctx, 'handler', leadUnit);
    const supervisor = await buildStaff(t.ctx, 'supervisor');
    const { appeal } = await buildInProgressAppeal(t.ctx, { phone, cast: { leadUnit, handler } });
    await performTransition(t.ctx, supervisor.principal, appeal.id, 'warn', { level: 'red', reason: '内部警示：该单位屡次拖延' });
    const { appeal: reviewing } = await performTransition(t.ctx, handler.principal, appeal.id, 'reply', {
      resolution: 'cannot_do',
      body: '草稿答复：此事我们管不了，待负责人审核',
      attachmentIds: [],
    });
    expect(reviewing.status).toBe('reply_review');
    const token = (await openSession(t.ctx, { residentPhone: phone })).token;

    // The tracking page, the resident's documented view, shows none of it…
    const track = JSON.stringify((await call(t.app, 'GET', `/api/track/${appeal.trackingCode}?phone=${phone}`)).body);
    // …and neither may the same resident's read by id.
    const detail = await call(t.app, 'GET', `/api/appeals/${appeal.id}`, { token });
    expect(detail.status).toBe(200);
    const text = JSON.stringify(detail.body);
    for (const secret of [handler.principal.username, handler.principal.userId, supervisor.principal.username, '草稿答复', '内部警示']) {
      expect(track).not.toContain(secret);
      expect(text, secret).not.toContain(secret);
    }
  });

  it.each(['admin', 'operator', 'dispatcher', 'supervisor', 'leader', 'duty_officer', 'monitor'] as Role[])('a city-level %s sees every appeal', async (role) => {
    const who = await buildStaff(t.ctx, role);
    const a = await buildSubmittedAppeal(t.ctx, { regionCode: '341221001' });
    const { appeal: b } = await ledBy(await buildUnit(t.ctx.pool, { kind: 'region', regionCode: '341282001' }));
    for (const id of [a.id, b.id]) expect((await call(t.app, 'GET', `/api/appeals/${id}`, { token: who.token })).status).toBe(200);
    expect(await listIds(who.token, `phone=${b.phone}`)).toEqual([b.id]);
  });

  it('a handler without a relation to the appeal sees nothing, even by phone filter', async () => {
    const loner = await buildStaff(t.ctx, 'handler', await buildUnit(t.ctx.pool));
    const a = await buildSubmittedAppeal(t.ctx);
    expect((await call(t.app, 'GET', `/api/appeals/${a.id}`, { token: loner.token })).status).toBe(404);
    expect(await listIds(loner.token, `phone=${a.phone}`)).toEqual([]);
  });
});

describe('tracking by code and phone', () => {
  it('the wrong phone answers exactly like an unknown code', async () => {
    const appeal = await buildSubmittedAppeal(t.ctx);
    const ok = await call(t.app, 'GET', `/api/track/${appeal.trackingCode}?phone=${appeal.phone}`);
    expect(ok.status).toBe(200);
    expect(ok.body.data.id).toBe(appeal.id);
    const wrongPhone = await call(t.app, 'GET', `/api/track/${appeal.trackingCode}?phone=${randomPhone()}`);
    const unknownCode = await call(t.app, 'GET', `/api/track/ZZZZZZZZZZZZ?phone=${appeal.phone}`);
    expect(wrongPhone.status).toBe(404);
    expect(wrongPhone).toEqual(unknownCode);
    expect(JSON.stringify(wrongPhone.body)).not.toContain(appeal.id);
  });

  it('the tracking code is accepted in lower case', async () => {
    const appeal = await buildSubmittedAppeal(t.ctx);
    const res = await call(t.app, 'GET', `/api/track/${appeal.trackingCode.toLowerCase()}?phone=${appeal.phone}`);
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(appeal.id);
  });
});

describe('idempotent submission does not leak another caller’s appeal', () => {
  it('a resident repeating someone else’s channelRef does not get their appeal back', async () => {
    const ref = `web-${uuid()}`;
    const alice = randomPhone();
    const bob = randomPhone();
    const aliceToken = (await openSession(t.ctx, { residentPhone: alice })).token;
    const bobToken = (await openSession(t.ctx, { residentPhone: bob })).token;
    const first = await call(t.app, 'POST', '/api/appeals', {
      token: aliceToken,
      body: { body: '我家楼下（清河路18号）噪音扰民，晚上十二点还在施工。', address: '清河路18号2单元', phone: alice, channelRef: ref },
    });
    expect(first.status).toBe(201);
    const second = await call(t.app, 'POST', '/api/appeals', { token: bobToken, body: { body: '随便写点内容试试看', phone: bob, channelRef: ref } });
    // Whatever the answer (a conflict, or a new appeal of Bob's own), it must not be Alice's appeal.
    expect(second.body.data?.id).not.toBe(first.body.data.id);
    expect(JSON.stringify(second.body)).not.toContain('清河路18号');
    // Bob still cannot read Alice's appeal directly.
    expect((await call(t.app, 'GET', `/api/appeals/${first.body.data.id}`, { token: bobToken })).status).toBe(404);
  });

  it('a unit handler repeating a hotline channelRef does not get an invisible appeal back', async () => {
    const operator = await buildStaff(t.ctx, 'operator');
    const outsider = await buildStaff(t.ctx, 'handler', await buildUnit(t.ctx.pool));
    const ref = `call-${uuid()}`;
    const first = await call(t.app, 'POST', '/api/appeals', {
      token: operator.token,
      body: { body: '来电反映：家暴求助，住址清河路20号，请保密。', phone: randomPhone(), isConfidential: true, channel: 'hotline', channelRef: ref },
    });
    expect(first.status).toBe(201);
    expect((await call(t.app, 'GET', `/api/appeals/${first.body.data.id}`, { token: outsider.token })).status).toBe(404);
    const probe = await call(t.app, 'POST', '/api/appeals', { token: outsider.token, body: { body: '探测一下这个编号', phone: randomPhone(), channel: 'hotline', channelRef: ref } });
    expect(probe.body.data?.id).not.toBe(first.body.data.id);
    expect(JSON.stringify(probe.body)).not.toContain('家暴');
  });
});
