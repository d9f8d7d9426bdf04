import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../commands/deadlines';
import { buildAlert, buildAlertScene, buildPost, buildStory } from '../factories/monitor';
import { buildStaff, buildUnit } from '../factories/people';
import { call, expectValidation, snapshotAppeal, useTestApp } from '../test/helpers';

const t = useTestApp();

async function cast() {
  const unit = await buildUnit(t.ctx.pool, { name: '市住建局' });
  return {
    unit,
    duty: await buildStaff(t.ctx, 'duty_officer'),
    leader: await buildStaff(t.ctx, 'leader'),
    operator: await buildStaff(t.ctx, 'operator'),
    handler: await buildStaff(t.ctx, 'handler', unit),
  };
}

describe('the alert queue, posts and stories', () => {
  it('refuses strangers: 401 without login, 403 for unit users and other roles on lists, 404 on single resources', async () => {
    const c = await cast();
    const scene = await buildAlertScene(t.ctx.pool);
    expect((await call(t.app, 'GET', '/api/monitor/alerts')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/monitor/alerts', { token: c.handler.token })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/monitor/alerts', { token: c.operator.token })).status).toBe(403);
    expect((await call(t.app, 'GET', `/api/monitor/posts/${scene.postId}`, { token: c.handler.token })).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/monitor/stories/${scene.storyId}`, { token: c.handler.token })).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/monitor/alerts/${scene.alertId}`, { token: c.handler.token })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/monitor/posts/99999999999', { token: c.duty.token })).status).toBe(404);
    expectValidation(await call(t.app, 'GET', '/api/monitor/posts/abc', { token: c.duty.token }), 'params.id', 'a non-numeric id');
  });

  it('lists open alerts newest first in the contract shape, for the duty officer and the leader', async () => {
    const c = await cast();
    const older = await buildAlertScene(t.ctx.pool, { level: 'yellow' });
    const newer = await buildAlertScene(t.ctx.pool, { level: 'red', text: '工地夜间施工扰民，投诉无门' });
    const res = await call(t.app, 'GET', '/api/monitor/alerts?status=open&limit=500', { token: c.duty.token });
    expect(res.status).toBe(200);
    const ids = res.body.data.map((a: { id: string }) => a.id);
    expect(ids.indexOf(newer.alertId)).toBeLessThan(ids.indexOf(older.alertId));
    const alert = res.body.data.find((a: { id: string }) => a.id === newer.alertId);
    expect(alert).toMatchObject({ level: 'red', status: 'open', appealId: null, reasons: ['负面且热度上升'] });
    expect(alert.story).toMatchObject({ id: newer.storyId, label: '小区燃气泄漏', postCount: 1 });
    expect(alert.post).toMatchObject({ id: newer.postId, platform: 'weibo', text: '工地夜间施工扰民，投诉无门', likes: 160, shares: 55 });
    const red = await call(t.app, 'GET', '/api/monitor/alerts?level=red&limit=500', { token: c.leader.token });
    expect(red.status).toBe(200);
    expect(red.body.data.every((a: { level: string }) => a.level === 'red')).toBe(true);
    const counts = await call(t.app, 'GET', '/api/monitor/alerts/counts', { token: c.duty.token });
    expect(counts.body.data.open.red).toBeGreaterThanOrEqual(1);
    expect((await call(t.app, 'GET', '/api/monitor/alerts/counts', { token: c.handler.token })).status).toBe(403);
    const one = await call(t.app, 'GET', `/api/monitor/alerts/${newer.alertId}`, { token: c.leader.token });
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ id: newer.alertId, level: 'red', note: null, handledAt: null });
    expect((await call(t.app, 'GET', '/api/monitor/alerts/99999999999', { token: c.leader.token })).status).toBe(404);
    expectValidation(await call(t.app, 'GET', '/api/monitor/alerts?status=closed', { token: c.duty.token }), 'querystring.status', 'an unknown status');
  });

  it('shows a post with its rising engagement series and its story with totals over time', async () => {
    const c = await cast();
    const scene = await buildAlertScene(t.ctx.pool);
    const sibling = await buildPost(t.ctx.pool, { storyId: scene.storyId, likes: 7, shares: 1, comments: 0, views: 50, receivedAt: new Date(scene.alertAt.getTime() + 60_000) });
    const post = await call(t.app, 'GET', `/api/monitor/posts/${scene.postId}`, { token: c.duty.token });
    expect(post.status).toBe(200);
    expect(post.body.data.engagement.map((e: { likes: number }) => e.likes)).toEqual([5, 40, 160]);
    expect(post.body.data.story).toMatchObject({ id: scene.storyId, label: '小区燃气泄漏' });
    expect(post.body.data.dispatch).toBeNull();

    const story = await call(t.app, 'GET', `/api/monitor/stories/${scene.storyId}`, { token: c.leader.token });
    expect(story.status).toBe(200);
    expect(story.body.data.posts.map((p: { id: string }) => p.id).sort()).toEqual([scene.postId, sibling.id].sort());
    // Totals: each post's latest counters at every moment either was observed.
    expect(story.body.data.engagement.map((e: { likes: number }) => Number(e.likes))).toEqual([5, 40, 160, 167]);
    expect(story.body.data.alerts.map((a: { id: string }) => a.id)).toEqual([scene.alertId]);
  });
});

describe('marking an alert handled or irrelevant', () => {
  it('closes an open alert once; a second mark is a 409; others may not mark', async () => {
    const c = await cast();
    const scene = await buildAlertScene(t.ctx.pool);
    expect((await call(t.app, 'POST', `/api/monitor/alerts/${scene.alertId}/handle`, { body: { outcome: 'handled' } })).status).toBe(401);
    expect((await call(t.app, 'POST', `/api/monitor/alerts/${scene.alertId}/handle`, { token: c.leader.token, body: { outcome: 'handled' } })).status).toBe(403);
    expect((await call(t.app, 'POST', `/api/monitor/alerts/${scene.alertId}/handle`, { token: c.handler.token, body: { outcome: 'handled' } })).status).toBe(404);
    expect((await t.ctx.pool.query(`select status from alerts where id = $1`, [scene.alertId])).rows[0].status).toBe('open');
    expectValidation(await call(t.app, 'POST', `/api/monitor/alerts/${scene.alertId}/handle`, { token: c.duty.token, body: { outcome: 'ignored' } }), 'body.outcome', 'an unknown outcome');
    const marked = await call(t.app, 'POST', `/api/monitor/alerts/${scene.alertId}/handle`, { token: c.duty.token, body: { outcome: 'irrelevant', note: '广告帖' } });
    expect(marked.status).toBe(200);
    expect(marked.body.data.status).toBe('irrelevant');
    const again = await call(t.app, 'POST', `/api/monitor/alerts/${scene.alertId}/handle`, { token: c.duty.token, body: { outcome: 'handled' } });
    expect(again.status).toBe(409);
    const row = await t.ctx.pool.query(`select status, note, handled_by from alerts where id = $1`, [scene.alertId]);
    expect(row.rows[0]).toEqual({ status: 'irrelevant', note: '广告帖', handled_by: c.duty.principal.userId });
    expect((await call(t.app, 'POST', '/api/monitor/alerts/99999999999/handle', { token: c.duty.token, body: { outcome: 'handled' } })).status).toBe(404);
  });
});

describe('dispatching a post as an appeal (转为诉求)', () => {
  it('submits, accepts and assigns it as the duty officer, the clock from the post’s time; twice gives the same appeal', async () => {
    const c = await cast();
    const published = new Date(Date.now() - 3 * 3600_000);
    const scene = await buildAlertScene(t.ctx.pool, { publishedAt: published, receivedAt: new Date(published.getTime() + 5 * 60_000), place: '颍州区清河街道', url: 'https://weibo.example/p/1' });
    const res = await call(t.app, 'POST', `/api/monitor/posts/${scene.postId}/dispatch`, { token: c.duty.token, body: { alertId: scene.alertId, unitId: c.unit.id, note: '请尽快核查' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const d = res.body.data;
    expect(d).toMatchObject({ status: 'assigned', leadUnitId: c.unit.id, isNew: true, alertId: scene.alertId });
    expect(new Date(d.clockStartedAt).getTime()).toBe(published.getTime());
    expect(new Date(d.postedAt).getTime()).toBe(published.getTime());
    expect(new Date(d.detectedAt).getTime()).toBe(scene.alertAt.getTime());
    const stored = await t.ctx.pool.query(`select channel, channel_ref, phone, time_limit_class from appeals where id = $1`, [d.appealId]);
    expect(stored.rows[0]).toMatchObject({ channel: 'opinion', channel_ref: `post:${scene.postId}`, phone: `舆情帖子#${scene.postId}` });
    const limits = await t.ctx.pool.query(`select sign_days, handle_days from time_limit_classes where code = $1`, [stored.rows[0].time_limit_class]);
    const calendar = await t.ctx.calendar.get(t.ctx.pool);
    const expected = computeDeadlines(calendar, { startedAt: published, signDays: limits.rows[0].sign_days, handleDays: limits.rows[0].handle_days, extensionDays: 0 });
    expect(new Date(d.dueAt).getTime()).toBe(expected.dueAt?.getTime());
    // The events name the duty officer; no SMS goes to the placeholder contact.
    const events = await t.ctx.pool.query(`select action, actor_id from appeal_events where appeal_id = $1 order by seq`, [d.appealId]);
    expect(events.rows).toEqual([
      { action: 'submit', actor_id: c.duty.principal.userId },
      { action: 'accept', actor_id: c.duty.principal.userId },
      { action: 'assign', actor_id: c.duty.principal.userId },
    ]);
    expect((await t.ctx.pool.query(`select count(*)::int as n from sms_outbox where phone = $1`, [`舆情帖子#${scene.postId}`])).rows[0].n).toBe(0);
    const alert = await t.ctx.pool.query(`select status, appeal_id from alerts where id = $1`, [scene.alertId]);
    expect(alert.rows[0]).toEqual({ status: 'dispatched', appeal_id: d.appealId });

    // The unit finds it in its 待签收 queue; the masked contact is no phone number.
    const queue = await call(t.app, 'GET', '/api/appeals?queue=to_sign&pageSize=100', { token: c.handler.token });
    expect(queue.body.data.map((a: { id: string }) => a.id)).toContain(d.appealId);

    const again = await call(t.app, 'POST', `/api/monitor/posts/${scene.postId}/dispatch`, { token: c.duty.token, body: { unitId: c.unit.id } });
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ appealId: d.appealId, isNew: false });
    expect((await t.ctx.pool.query(`select count(*)::int as n from appeals where channel_ref = $1`, [`post:${scene.postId}`])).rows[0].n).toBe(1);
    const post = await call(t.app, 'GET', `/api/monitor/posts/${scene.postId}`, { token: c.leader.token });
    expect(post.body.data.dispatch).toMatchObject({ appealId: d.appealId, appealStatus: 'assigned', leadUnitName: '市住建局' });
  });

  it('refuses a bad unit or a closed alert with 4xx and writes nothing; only the duty officer dispatches', async () => {
    const c = await cast();
    const scene = await buildAlertScene(t.ctx.pool);
    const ref = `post:${scene.postId}`;
    const count = async () => (await t.ctx.pool.query(`select count(*)::int as n from appeals where channel_ref = $1`, [ref])).rows[0].n;
    expectValidation(await call(t.app, 'POST', `/api/monitor/posts/${scene.postId}/dispatch`, { token: c.duty.token, body: { unitId: crypto.randomUUID() } }), 'unitId', 'an unknown unit');
    expectValidation(await call(t.app, 'POST', `/api/monitor/posts/${scene.postId}/dispatch`, { token: c.duty.token, body: { unitId: 'x' } }), 'body.unitId', 'a malformed unit id');
    expectValidation(await call(t.app, 'POST', `/api/monitor/posts/${scene.postId}/dispatch`, { token: c.duty.token, body: { unitId: c.unit.id, categoryCode: 'nope' } }), 'categoryCode', 'an unknown category');
    expect((await call(t.app, 'POST', `/api/monitor/posts/${scene.postId}/dispatch`, { token: c.leader.token, body: { unitId: c.unit.id } })).status).toBe(403);
    expect((await call(t.app, 'POST', `/api/monitor/posts/${scene.postId}/dispatch`, { token: c.handler.token, body: { unitId: c.unit.id } })).status).toBe(404);
    // An alert of another story cannot be answered by this post.
    const other = await buildAlertScene(t.ctx.pool);
    expectValidation(await call(t.app, 'POST', `/api/monitor/posts/${scene.postId}/dispatch`, { token: c.duty.token, body: { unitId: c.unit.id, alertId: other.alertId } }), 'alertId', 'another story’s alert');
    // A handled alert is not dispatched afterwards.
    await call(t.app, 'POST', `/api/monitor/alerts/${scene.alertId}/handle`, { token: c.duty.token, body: { outcome: 'handled' } });
    const closed = await call(t.app, 'POST', `/api/monitor/posts/${scene.postId}/dispatch`, { token: c.duty.token, body: { unitId: c.unit.id, alertId: scene.alertId } });
    expect(closed.status).toBe(409);
    expect(await count()).toBe(0);
    expect((await t.ctx.pool.query(`select count(*)::int as n from post_dispatches where post_id = $1`, [scene.postId])).rows[0].n).toBe(0);
  });

  it('assigns to the unit smart dispatch proposes when the officer chooses none', async () => {
    const c = await cast();
    const word = `燃气阀门${crypto.randomUUID().slice(0, 6)}`;
    await t.ctx.pool.query(`insert into routing_rules (id, keyword, target, unit_id, priority, note) values ($1, $2, 'unit', $3, 100, 'test')`, [crypto.randomUUID(), word, c.unit.id]);
    const scene = await buildAlertScene(t.ctx.pool, { text: `颍州区某小区${word}老化漏气，味道很大，物业不管，太危险了！` });
    const res = await call(t.app, 'POST', `/api/monitor/posts/${scene.postId}/dispatch`, { token: c.duty.token, body: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.leadUnitId).toBe(c.unit.id);
  });

  it('does not let the duty officer act on appeals of other channels', async () => {
    const c = await cast();
    const created = await call(t.app, 'POST', '/api/appeals', { token: c.operator.token, body: { title: '路灯不亮', body: '颍州区清河路路灯不亮已经一周。', phone: '13900001111' } });
    const before = await snapshotAppeal(t.ctx.pool, created.body.data.id);
    const res = await call(t.app, 'POST', `/api/appeals/${created.body.data.id}/actions/accept`, { token: c.duty.token, body: {} });
    expect(res.status).toBe(403);
    expect(await snapshotAppeal(t.ctx.pool, created.body.data.id)).toBe(before);
  });

  it('records detection at the post’s arrival when the story’s alert is older than the post', async () => {
    const c = await cast();
    const story = await buildStory(t.ctx.pool);
    const first = await buildPost(t.ctx.pool, { storyId: story.id, receivedAt: new Date(Date.now() - 3600_000) });
    const alert = await buildAlert(t.ctx.pool, { storyId: story.id, postId: first.id, at: new Date(Date.now() - 3500_000) });
    const later = await buildPost(t.ctx.pool, { storyId: story.id, receivedAt: new Date(Date.now() - 600_000) });
    const res = await call(t.app, 'POST', `/api/monitor/posts/${later.id}/dispatch`, { token: c.duty.token, body: { unitId: c.unit.id } });
    expect(res.status).toBe(201);
    expect(res.body.data.alertId).toBe(alert.id);
    expect(new Date(res.body.data.detectedAt).getTime()).toBe(later.receivedAt.getTime());
  });
});
