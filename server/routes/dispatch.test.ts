import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { performTransition } from '../commands/transition';
import { runDispatchAppeal } from '../dispatch/jobs';
import { AUTO_ASSIGN_KEY, DEFAULT_AUTO_ASSIGN, forgetDispatchCache } from '../dispatch/service';
import { buildSubmittedAppeal, buildCast } from '../factories/appeals';
import { buildStaff, buildUnit } from '../factories/people';
import { findAppealById } from '../repositories/appeals';
import { putSetting } from '../repositories/dispatch';
import { listEvents } from '../repositories/events';
import { SYSTEM_USER_ID } from '../seed/reference';
import { call, expectValidation, snapshotAppeal, useTestApp } from '../test/helpers';

const t = useTestApp();

/** A word no other test uses, so keyword rules made here route only this test's texts. */
const uniqueWord = () => `测${crypto.randomUUID().slice(0, 6)}`;

async function keywordRule(word: string, unitId: string) {
  const admin = await buildStaff(t.ctx, 'admin');
  const res = await call(t.app, 'POST', '/api/admin/routing-rules', { token: admin.token, body: { keyword: `无关词|${word}`, target: 'unit', unitId } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string };
}

describe('dispatch suggestions', () => {
  it('suggests the unit a keyword rule names, with confidence, reasons, place and urgency', async () => {
    const gas = await buildUnit(t.ctx.pool, { name: '燃气公司（测试）' });
    const word = uniqueWord();
    await keywordRule(word, gas.id);
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const res = await call(t.app, 'POST', '/api/dispatch/suggest', {
      token: dispatcher.token,
      body: { title: '楼道里有煤气味', text: `颍州区文峰街道某小区楼道里${word}，闻到很浓的燃气味，怀疑管道漏气，请尽快处理！` },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const s = res.body.data;
    expect(s.units[0].unitId).toBe(gas.id);
    expect(s.units[0].p).toBeGreaterThan(0.5);
    expect(s.units[0].why.join()).toContain(`关键词“${word}”`);
    expect(s.place.countyCode).toBe('341202');
    expect(s.place.regionName).toContain('文峰');
    expect(s.urgency.isUrgent).toBe(true);
    expect(s.urgency.reasons.length).toBeGreaterThan(0);
  });

  it('suggests categories with the shipped starter model', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const res = await call(t.app, 'POST', '/api/dispatch/suggest', {
      token: dispatcher.token,
      body: { title: '孩子上学难', text: '我家孩子今年小学入学，学校说学区划分变了不能报名，招生政策也没有公示，请教育部门给个说法。' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.categories[0]).toMatchObject({ code: '14', name: '教育文体' });
    expect(res.body.data.modelId).toEqual(expect.any(String));
  });

  it('is for city intake and dispatch staff only, and names a missing field', async () => {
    const unit = await buildUnit(t.ctx.pool);
    const handler = await buildStaff(t.ctx, 'handler', unit);
    expect((await call(t.app, 'POST', '/api/dispatch/suggest', { token: handler.token, body: { text: '路灯坏了很久没人修' } })).status).toBe(403);
    expect((await call(t.app, 'POST', '/api/dispatch/suggest', { body: { text: '路灯坏了很久没人修' } })).status).toBe(401);
    const operator = await buildStaff(t.ctx, 'operator');
    expectValidation(await call(t.app, 'POST', '/api/dispatch/suggest', { token: operator.token, body: { title: '只有标题' } }), 'text', '');
  });
});

describe('routing rules', () => {
  it('are kept by administrators, with clear refusals', async () => {
    const admin = await buildStaff(t.ctx, 'admin');
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const unit = await buildUnit(t.ctx.pool);
    expectValidation(await call(t.app, 'POST', '/api/admin/routing-rules', { token: admin.token, body: { keyword: '路灯', target: 'unit' } }), 'unitId', '');
    expectValidation(await call(t.app, 'POST', '/api/admin/routing-rules', { token: admin.token, body: { categoryCode: 'nope', target: 'territorial' } }), 'categoryCode', '');
    expectValidation(await call(t.app, 'POST', '/api/admin/routing-rules', { token: admin.token, body: { target: 'unit', unitId: crypto.randomUUID(), keyword: 'x' } }), 'unitId', '');
    expect((await call(t.app, 'POST', '/api/admin/routing-rules', { token: dispatcher.token, body: { keyword: '路灯', target: 'unit', unitId: unit.id } })).status).toBe(403);

    const created = await call(t.app, 'POST', '/api/admin/routing-rules', { token: admin.token, body: { categoryCode: '04', regionCode: '341202', target: 'unit', unitId: unit.id, note: '颍州区环保' } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ categoryCode: '04', regionCode: '341202', unitName: unit.name, isActive: true });
    const id = created.body.data.id as string;
    const changed = await call(t.app, 'PUT', `/api/admin/routing-rules/${id}`, { token: admin.token, body: { categoryCode: '04', target: 'territorial', isActive: false } });
    expect(changed.body.data).toMatchObject({ target: 'territorial', unitId: null, isActive: false, regionCode: null });
    const listed = await call(t.app, 'GET', '/api/admin/routing-rules', { token: dispatcher.token });
    expect(listed.body.data.some((r: { id: string }) => r.id === id)).toBe(true);
    expect((await call(t.app, 'DELETE', `/api/admin/routing-rules/${id}`, { token: admin.token })).status).toBe(200);
    expect((await call(t.app, 'DELETE', `/api/admin/routing-rules/${id}`, { token: admin.token })).status).toBe(404);
  });
});

describe('suggestion, correction and automatic assignment', () => {
  it('stores the suggestion of a new appeal and the dispatcher’s correction', async () => {
    const suggested = await buildUnit(t.ctx.pool);
    const chosen = await buildUnit(t.ctx.pool);
    const word = uniqueWord();
    await keywordRule(word, suggested.id);
    const appeal = await buildSubmittedAppeal(t.ctx, { body: `颍东区某路口${word}井盖松动，车辆经过声音很大，请修理。` });
    expect(await runDispatchAppeal(t.ctx, appeal.id)).toBe('suggested');
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const cast = await buildCast(t.ctx, { dispatcher });
    await performTransition(t.ctx, cast.operator.principal, appeal.id, 'accept', {});
    await performTransition(t.ctx, dispatcher.principal, appeal.id, 'assign', { leadUnitId: chosen.id, coUnitIds: [] });

    const res = await call(t.app, 'GET', `/api/appeals/${appeal.id}/dispatch`, { token: dispatcher.token });
    expect(res.status).toBe(200);
    expect(res.body.data.isStored).toBe(true);
    expect(res.body.data.units[0].unitId).toBe(suggested.id);
    expect(res.body.data.corrections).toEqual([expect.objectContaining({ kind: 'unit', suggested: suggested.id, chosen: chosen.id })]);
    const { rows } = await t.ctx.pool.query('select user_id from dispatch_corrections where appeal_id = $1', [appeal.id]);
    expect(rows).toEqual([{ user_id: dispatcher.principal.userId }]);
    // A unit's own staff do not get the dispatch view.
    const handler = await buildStaff(t.ctx, 'handler', chosen);
    expect((await call(t.app, 'GET', `/api/appeals/${appeal.id}/dispatch`, { token: handler.token })).status).toBe(403);
  });

  it('assigns an accepted appeal automatically above the threshold, as the system account, with why', async () => {
    const unit = await buildUnit(t.ctx.pool);
    const word = uniqueWord();
    await keywordRule(word, unit.id);
    const admin = await buildStaff(t.ctx, 'admin');
    expectValidation(await call(t.app, 'PUT', '/api/admin/dispatch-settings', { token: admin.token, body: { autoAssign: { enabled: true, threshold: 1.5 } } }), 'threshold', '');
    try {
      expect((await call(t.app, 'PUT', '/api/admin/dispatch-settings', { token: admin.token, body: { autoAssign: { enabled: true, threshold: 0.6 } } })).status).toBe(200);
      const appeal = await buildSubmittedAppeal(t.ctx, { body: `界首市东城街道一家店门口${word}，影响通行，请处理。` });
      expect(await runDispatchAppeal(t.ctx, appeal.id)).toBe('suggested'); // not accepted yet: suggestion only
      const cast = await buildCast(t.ctx);
      await performTransition(t.ctx, cast.operator.principal, appeal.id, 'accept', {});
      expect(await runDispatchAppeal(t.ctx, appeal.id)).toBe('auto_assigned');
      const after = await findAppealById(t.ctx.pool, appeal.id);
      expect(after).toMatchObject({ status: 'assigned', leadUnitId: unit.id });
      const assign = (await listEvents(t.ctx.pool, appeal.id)).find((e) => e.action === 'assign');
      expect(assign?.actorId).toBe(SYSTEM_USER_ID);
      expect(String(assign?.payload.note)).toContain(`关键词“${word}”`);
      // Running again changes nothing.
      const before = await snapshotAppeal(t.ctx.pool, appeal.id);
      expect(await runDispatchAppeal(t.ctx, appeal.id)).toBe('skipped');
      expect(await snapshotAppeal(t.ctx.pool, appeal.id)).toBe(before);
    } finally {
      await putSetting(t.ctx.pool, AUTO_ASSIGN_KEY, DEFAULT_AUTO_ASSIGN);
      forgetDispatchCache();
    }
  });

  it('leaves an appeal below the threshold to the dispatcher', async () => {
    const appeal = await buildSubmittedAppeal(t.ctx, { body: `一段没有任何规则能匹配的话${uniqueWord()}，只是想反映一下情况。` });
    const cast = await buildCast(t.ctx);
    await putSetting(t.ctx.pool, AUTO_ASSIGN_KEY, { enabled: true, threshold: 0.99 });
    try {
      await performTransition(t.ctx, cast.operator.principal, appeal.id, 'accept', {});
      expect(await runDispatchAppeal(t.ctx, appeal.id)).toBe('suggested');
      expect((await findAppealById(t.ctx.pool, appeal.id))?.status).toBe('accepted');
    } finally {
      await putSetting(t.ctx.pool, AUTO_ASSIGN_KEY, DEFAULT_AUTO_ASSIGN);
    }
  });
});
