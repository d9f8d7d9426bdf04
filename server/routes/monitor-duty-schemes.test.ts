import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPost } from '../factories/monitor';
import { buildStaff, buildUnit } from '../factories/people';
import { call, expectValidation, useTestApp } from '../test/helpers';

const t = useTestApp();

/** PATCH (the shared `call` helper speaks GET/POST/PUT/DELETE). */
async function patch(url: string, token: string, body: unknown) {
  const res = await t.app.inject({ method: 'PATCH', url, headers: { authorization: `Bearer ${token}` }, payload: body as object });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

describe('keyword schemes (监测方案)', () => {
  it('lets admins add and change schemes; a bad expression is a 400 with the position', async () => {
    const admin = await buildStaff(t.ctx, 'admin');
    const duty = await buildStaff(t.ctx, 'duty_officer');
    const body = { name: '欠薪', topic: '劳动保障', regionCode: '341202', expression: '(拖欠 | 克扣) (工资 | 薪水) -广告' };
    expect((await call(t.app, 'POST', '/api/monitor/schemes', { token: duty.token, body })).status).toBe(403);
    const created = await call(t.app, 'POST', '/api/monitor/schemes', { token: admin.token, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data).toMatchObject({ ...body, regionName: '颍州区', isActive: true, createdBy: admin.principal.userId });

    const bad = await call(t.app, 'POST', '/api/monitor/schemes', { token: admin.token, body: { ...body, expression: '(拖欠 | 克扣 工资' } });
    expectValidation(bad, 'body.expression', 'an unbalanced parenthesis');
    expect(bad.body.error.message).toContain('第1个字符');
    expect(bad.body.error.details[0]).toMatchObject({ field: 'body.expression', code: 'UNBALANCED_PAREN', position: 1 });
    const dangling = await call(t.app, 'POST', '/api/monitor/schemes', { token: admin.token, body: { ...body, expression: '噪音 |' } });
    expectValidation(dangling, 'body.expression', 'a dangling operator');
    expect(dangling.body.error.details[0].position).toBeGreaterThan(1);
    expectValidation(await call(t.app, 'POST', '/api/monitor/schemes', { token: admin.token, body: { ...body, regionCode: '999999' } }), 'body.regionCode', 'an unknown region');
    expectValidation(await call(t.app, 'POST', '/api/monitor/schemes', { token: admin.token, body: { ...body, name: '' } }), 'body.name', 'an empty name');

    const id = created.body.data.id;
    const patched = await patch(`/api/monitor/schemes/${id}`, admin.token, { isActive: false, regionCode: null });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ isActive: false, regionCode: null, expression: body.expression });
    expectValidation(await patch(`/api/monitor/schemes/${id}`, admin.token, { expression: '"未闭合' }), 'body.expression', 'an unterminated quote');
    expect((await patch(`/api/monitor/schemes/${crypto.randomUUID()}`, admin.token, { isActive: true })).status).toBe(404);
    const list = await call(t.app, 'GET', '/api/monitor/schemes', { token: duty.token });
    expect(list.body.data.map((s: { id: string }) => s.id)).toContain(id);
    const unit = await buildUnit(t.ctx.pool);
    const handler = await buildStaff(t.ctx, 'handler', unit);
    expect((await call(t.app, 'GET', '/api/monitor/schemes')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/monitor/schemes', { token: handler.token })).status).toBe(403);
    expect((await patch(`/api/monitor/schemes/${id}`, handler.token, { isActive: true })).status).toBe(404);
    expect((await call(t.app, 'POST', '/api/monitor/schemes/preview', { token: duty.token, body: { expression: '噪音', lastN: 10 } })).status).toBe(403);
  });

  it('previews an expression against the last N posts, with the words that hit', async () => {
    const admin = await buildStaff(t.ctx, 'admin');
    const tag = crypto.randomUUID().slice(0, 6);
    const hit = await buildPost(t.ctx.pool, { text: `工地老板拖欠工资${tag}三个月了`, regionCode: '341202' });
    await buildPost(t.ctx.pool, { text: `招聘广告：不拖欠工资${tag}`, regionCode: '341202' });
    await buildPost(t.ctx.pool, { text: `拖欠工资${tag}，在临泉`, regionCode: '341221' });
    const res = await call(t.app, 'POST', '/api/monitor/schemes/preview', { token: admin.token, body: { expression: `拖欠 "工资${tag}" -广告`, regionCode: '341202', lastN: 5000 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.posts.map((p: { id: string }) => p.id)).toEqual([hit.id]);
    expect(res.body.data.matched).toBe(1);
    expect(res.body.data.posts[0].hits).toEqual(['拖欠', `工资${tag}`]);
    expect(res.body.data.scanned).toBeGreaterThanOrEqual(2);
    const bad = await call(t.app, 'POST', '/api/monitor/schemes/preview', { token: admin.token, body: { expression: '-广告', lastN: 10 } });
    expectValidation(bad, 'body.expression', 'only exclusions');
    expect(bad.body.error.details[0].code).toBe('ONLY_EXCLUSIONS');
    expectValidation(await call(t.app, 'POST', '/api/monitor/schemes/preview', { token: admin.token, body: { expression: '噪音', lastN: 0 } }), 'body.lastN', 'lastN below 1');
  });
});
