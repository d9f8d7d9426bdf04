import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAlert, buildPost, buildStory } from '../../factories/monitor';
import { openSession } from '../../auth/session';
import { buildStaff, buildUnit, type StaffFixture } from '../../factories/people';
import { call, expectValidation, useTestApp } from '../../test/helpers';

// The brief's world lives in March 2031 (Shanghai), where no other test writes, so figures are exact.
const sh = (local: string) => new Date(`${local}+08:00`);
let clock = sh('2031-03-10T08:00:00');
const t = useTestApp({ now: () => clock });

/** A session opened at the test clock's now (staff sessions last 12 hours and the clock jumps days). */
async function tokenOf(f: StaffFixture): Promise<string> {
  return (await openSession(t.ctx, { userId: f.principal.userId })).token;
}

let leaderFixture: StaffFixture;
let appealId = '';
let trackingCode = '';

beforeAll(async () => {
  const unit = await buildUnit(t.ctx.pool, { name: '颍州区住建局' });
  const duty = await buildStaff(t.ctx, 'duty_officer');
  const handler = await buildStaff(t.ctx, 'handler', unit);
  const operator = await buildStaff(t.ctx, 'operator');
  leaderFixture = await buildStaff(t.ctx, 'leader');
  const db = t.ctx.pool;

  // The day before the brief's week: counted nowhere below.
  await buildPost(db, { platform: 'weibo', receivedAt: sh('2031-03-09T23:30:00'), negativity: 0.95 });
  // 03-10: a negative rising weibo post (story heat 50) alerted red and dispatched; a calm douyin post.
  const s1 = await buildStory(db, { label: '清河街道小区燃气泄漏', regionCode: '341202', at: sh('2031-03-10T09:40:00'), heat: 50, negativity: 0.9 });
  const p1 = await buildPost(db, { platform: 'weibo', storyId: s1.id, publishedAt: sh('2031-03-10T09:34:00'), receivedAt: sh('2031-03-10T09:40:00'), negativity: 0.9 });
  await buildAlert(db, { storyId: s1.id, postId: p1.id, level: 'red', at: sh('2031-03-10T09:58:00') });
  const s2 = await buildStory(db, { label: '公园花开', at: sh('2031-03-10T12:00:00'), heat: 80, negativity: 0.2 });
  await buildPost(db, { platform: 'douyin', storyId: s2.id, receivedAt: sh('2031-03-10T12:00:00'), negativity: 0.2 });
  // 03-11: another negative story, alerted yellow and marked irrelevant.
  const s3 = await buildStory(db, { label: '工地夜间施工扰民', at: sh('2031-03-11T08:00:00'), heat: 20, negativity: 0.7 });
  const p3 = await buildPost(db, { platform: 'weibo', storyId: s3.id, receivedAt: sh('2031-03-11T08:00:00'), negativity: 0.7 });
  await buildAlert(db, { storyId: s3.id, postId: p3.id, level: 'yellow', status: 'irrelevant', at: sh('2031-03-11T08:05:00') });

  // Dispatched at 10:10, replied a day later, rated 满意 (closed) a day after that.
  clock = sh('2031-03-10T10:10:00');
  const d = await call(t.app, 'POST', `/api/monitor/posts/${p1.id}/dispatch`, { token: duty.token, body: { unitId: unit.id } });
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  appealId = d.body.data.appealId;
  trackingCode = d.body.data.trackingCode;
  const act = async (who: StaffFixture, action: string, body: object) => {
    const r = await call(t.app, 'POST', `/api/appeals/${appealId}/actions/${action}`, { token: await tokenOf(who), body });
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  };
  clock = sh('2031-03-10T10:30:00');
  await act(handler, 'sign', {});
  clock = sh('2031-03-11T10:10:00');
  await act(handler, 'reply', { resolution: 'resolved', body: '已联系燃气公司上门检修，隐患已排除。' });
  clock = sh('2031-03-12T10:10:00');
  await act(operator, 'rate', { rating: 'satisfied' });
  clock = sh('2031-03-20T09:00:00');
});

describe('the monitoring brief', () => {
  it('reports one Shanghai day: volume by platform, negative share, top negative stories, alerts, dispatched items', async () => {
    const res = await call(t.app, 'GET', '/api/monitor/briefs/daily?date=2031-03-10', { token: await tokenOf(leaderFixture) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body.data;
    expect(b.period).toMatchObject({ kind: 'daily', label: '2031-03-10', start: '2031-03-09T16:00:00.000Z', end: '2031-03-10T16:00:00.000Z' });
    expect(b.totals).toMatchObject({ posts: 2, negative: 1, negativeShare: 0.5, alerts: 1, dispatched: 1, dispatchedClosed: 1, dispatchedOverdue: 0 });
    expect(b.byPlatform).toEqual([
      { platform: 'douyin', posts: 1, negative: 0, negativeShare: 0 },
      { platform: 'weibo', posts: 1, negative: 1, negativeShare: 1 },
    ]);
    expect(b.topNegativeStories.map((s: { label: string }) => s.label)).toEqual(['清河街道小区燃气泄漏']);
    expect(b.topNegativeStories[0]).toMatchObject({ regionName: '颍州区', alertLevel: 'red', alertStatus: 'dispatched' });
    expect(b.alerts.byLevel.find((a: { level: string }) => a.level === 'red')).toEqual({ level: 'red', total: 1, open: 0, handled: 0, irrelevant: 0, dispatched: 1 });
    expect(b.dispatched).toHaveLength(1);
    expect(b.dispatched[0]).toMatchObject({ appealId, trackingCode, status: 'closed', statusLabel: '已办结', leadUnitName: '颍州区住建局', platform: 'weibo' });
  });

  it('reports an ISO week with a day-by-day trend', async () => {
    const res = await call(t.app, 'GET', '/api/monitor/briefs/weekly?week=2031-W11', { token: await tokenOf(leaderFixture) });
    expect(res.status).toBe(200);
    const b = res.body.data;
    expect(b.period).toMatchObject({ kind: 'weekly', start: '2031-03-09T16:00:00.000Z', end: '2031-03-16T16:00:00.000Z' });
    expect(b.totals).toMatchObject({ posts: 3, negative: 2, alerts: 2 });
    expect(b.topNegativeStories.map((s: { label: string }) => s.label)).toEqual(['清河街道小区燃气泄漏', '工地夜间施工扰民']);
    expect(b.alerts.total).toEqual({ total: 2, open: 0, handled: 0, irrelevant: 1, dispatched: 1 });
    expect(b.byDay).toHaveLength(7);
    expect(b.byDay.slice(0, 2)).toEqual([
      { date: '2031-03-10', posts: 2, negative: 1, alerts: 1 },
      { date: '2031-03-11', posts: 1, negative: 1, alerts: 1 },
    ]);
  });

  it('refuses bad periods and readers without the right', async () => {
    expectValidation(await call(t.app, 'GET', '/api/monitor/briefs/daily?date=2031-02-30', { token: await tokenOf(leaderFixture) }), 'querystring.date', 'an impossible date');
    expectValidation(await call(t.app, 'GET', '/api/monitor/briefs/weekly?week=2031-W54', { token: await tokenOf(leaderFixture) }), 'querystring.week', 'a week the year does not have');
    const unit = await buildUnit(t.ctx.pool);
    const handler = await buildStaff(t.ctx, 'handler', unit);
    expect((await call(t.app, 'GET', '/api/monitor/briefs/daily', { token: await tokenOf(handler) })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/monitor/loop', { token: await tokenOf(handler) })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/monitor/loop')).status).toBe(401);
  });

  it('exports the daily brief as an Excel ledger with Beijing times', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/monitor/briefs/daily/export.xlsx?date=2031-03-10', headers: { authorization: `Bearer ${await tokenOf(leaderFixture)}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['概况', '平台分布', '负面事件', '预警处置', '转办台账']);
    const ledger = book.getWorksheet('转办台账');
    const row = ledger?.getRow(2).values as unknown[];
    expect(row).toEqual(expect.arrayContaining([trackingCode, '已办结', '2031-03-10 09:34', '2031-03-10 09:58', '2031-03-10 10:10', '2031-03-11 10:10', '2031-03-12 10:10']));
    const weekly = await t.app.inject({ method: 'GET', url: '/api/monitor/briefs/weekly/export.xlsx?week=2031-W11', headers: { authorization: `Bearer ${await tokenOf(leaderFixture)}` } });
    expect(weekly.statusCode).toBe(200);
    expect(weekly.headers['content-disposition']).toContain('2031-W11');
  });
});

describe('the measured loop (舆情闭环)', () => {
  it('gives per Shanghai month the dispatched count and median/p90 of each step, with the items', async () => {
    const res = await call(t.app, 'GET', '/api/monitor/loop?months=2', { token: await tokenOf(leaderFixture) });
    expect(res.status).toBe(200);
    const { months, items } = res.body.data;
    expect(months.map((m: { month: string }) => m.month)).toEqual(['2031-02', '2031-03']);
    expect(months[0]).toMatchObject({ dispatched: 0, postedToDetected: { median: null, p90: null, count: 0 } });
    expect(months[1]).toMatchObject({
      dispatched: 1,
      postedToDetected: { median: 24 * 60, p90: 24 * 60, count: 1 },
      detectedToDispatched: { median: 12 * 60, p90: 12 * 60, count: 1 },
      dispatchedToReplied: { median: 86_400, p90: 86_400, count: 1 },
      repliedToResolved: { median: 86_400, p90: 86_400, count: 1 },
    });
    expect(items.map((i: { appealId: string }) => i.appealId)).toEqual([appealId]);
    expectValidation(await call(t.app, 'GET', '/api/monitor/loop?months=0', { token: await tokenOf(leaderFixture) }), 'querystring.months', 'zero months');
  });
});
