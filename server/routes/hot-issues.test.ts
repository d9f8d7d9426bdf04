import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { clusterAppeal } from '../dispatch/cluster/store';
import { buildAssignedAppeal, buildSubmittedAppeal } from '../factories/appeals';
import { buildStaff, buildUnit } from '../factories/people';
import { markMerged } from '../repositories/duplicates';
import { call, useTestApp } from '../test/helpers';

const t = useTestApp();

// 路灯 on a road: this file's own problem (other files use other topics); each test its own road,
// so tests never share an issue.
const lamp = (road: string) => [
  { title: `${road}路灯不亮好几个月`, body: `${road}从东口到西口的路灯已经好几个月不亮了，晚上一片漆黑，行人和电动车经过很危险，请尽快维修路灯。` },
  { title: `${road}路灯长期不亮存在安全隐患`, body: `${road}路灯长期不亮，晚上出行很不方便，已经有老人摔倒，请路灯管理部门尽快修复${road}的路灯。联系电话13912345678` },
  { title: `反映${road}路灯损坏无人维修`, body: `${road}一整条路的路灯都坏了，晚上漆黑一片，反映多次无人维修，希望尽快修好${road}路灯。` },
];

/** Three appeals of one problem, the first two assigned to one unit, clustered into one issue. */
async function lampIssue(road: string) {
  const unit = await buildUnit(t.ctx.pool, { name: `路灯管理处${road}` });
  const handler = await buildStaff(t.ctx, 'handler', unit);
  const [m1, m2, m3] = lamp(road);
  const first = await buildAssignedAppeal(t.ctx, { ...m1!, cast: { leadUnit: unit, handler } });
  const second = await buildAssignedAppeal(t.ctx, { ...m2!, cast: { leadUnit: unit, handler } });
  const third = await buildSubmittedAppeal(t.ctx, m3!);
  const results = [];
  for (const a of [first.appeal, second.appeal, third]) results.push(await clusterAppeal(t.ctx.pool, a.id, new Date()));
  const id = results[0]!.hotIssueId as string;
  expect(results.map((r) => r.hotIssueId)).toEqual([id, id, id]);
  return { id, unit, handler, appeals: [first.appeal, second.appeal, third] };
}

describe('hot issues', () => {
  it('lists hot issues by heat with label, size, places, units and trend; reports and exports one', async () => {
    const { id, appeals, unit } = await lampIssue('淮河路');
    const leader = await buildStaff(t.ctx, 'leader');
    const list = await call(t.app, 'GET', '/api/hot-issues?limit=100', { token: leader.token });
    expect(list.status).toBe(200);
    const item = list.body.data.find((x: { id: string }) => x.id === id);
    expect(item).toMatchObject({ size: 3, places: expect.arrayContaining(['淮河路']), units: [{ name: unit.name, count: 2 }] });
    expect(item.label).toContain('淮河路');
    expect(item.heat).toBeGreaterThan(2.9);
    expect(item.trend.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBe(3);

    const report = await call(t.app, 'GET', `/api/hot-issues/${id}`, { token: leader.token });
    expect(report.status).toBe(200);
    const r = report.body.data;
    expect(r.summary).toContain('相关诉求3件');
    expect(r.summary).toContain(`${unit.name}（2件）`);
    expect(r.appeals.map((a: { trackingCode: string }) => a.trackingCode).sort()).toEqual(appeals.map((a) => a.trackingCode).sort());
    expect(JSON.stringify(r)).not.toContain('13912345678');
    expect(r.figures.statuses).toEqual(expect.arrayContaining([{ status: 'assigned', name: '待签收', count: 2 }]));

    const xlsx = await t.app.inject({ method: 'GET', url: `/api/hot-issues/${id}/export.xlsx`, headers: { authorization: `Bearer ${leader.token}` } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['专报摘要', '诉求清单']);
    const sheet = book.getWorksheet('诉求清单')!;
    expect(sheet.rowCount).toBe(4);
    // Times in Beijing time: the first appeal's submission, shifted by +8 h.
    const shanghai = new Date(appeals[0]!.createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    const times = [2, 3, 4].map((n) => String(sheet.getRow(n).getCell(7).value));
    expect(times).toContain(shanghai);
  });

  it('filters by period and region, and validates the query', async () => {
    const { id } = await lampIssue('颍河路');
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const ids = async (q: string) => (await call(t.app, 'GET', `/api/hot-issues?limit=100&${q}`, { token: dispatcher.token })).body.data.map((x: { id: string }) => x.id);
    expect(await ids('from=2000-01-01&to=2000-12-31')).not.toContain(id);
    expect(await ids(`from=${new Date(Date.now() - 86_400_000).toISOString()}`)).toContain(id);
    expect(await ids('region=341221')).not.toContain(id);
    for (const [q, field] of [['limit=0', 'limit'], ['from=yesterday', 'from'], ['region=999999', 'region'], ['from=2024-05-02&to=2024-05-01', 'from'], ['nope=1', 'querystring']]) {
      const res = await call(t.app, 'GET', `/api/hot-issues?${q}`, { token: dispatcher.token });
      expect(res.status, q).toBe(400);
      expect(res.body.error.message, q).toContain(field);
    }
  });

  it('shows unit users only their own appeals, and refuses strangers', async () => {
    const { id, handler, appeals } = await lampIssue('泉河路');
    const mine = await call(t.app, 'GET', `/api/hot-issues/${id}`, { token: handler.token });
    expect(mine.status).toBe(200);
    expect(mine.body.data.appeals.map((a: { id: string }) => a.id).sort()).toEqual([appeals[0]!.id, appeals[1]!.id].sort());
    const stranger = await buildStaff(t.ctx, 'handler', await buildUnit(t.ctx.pool));
    expect((await call(t.app, 'GET', `/api/hot-issues/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/hot-issues/${id}/export.xlsx`, { token: stranger.token })).status).toBe(404);
    const strangerList = await call(t.app, 'GET', '/api/hot-issues?limit=100', { token: stranger.token });
    expect(strangerList.body.data.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await call(t.app, 'GET', '/api/hot-issues')).status).toBe(401);
    expect((await call(t.app, 'GET', `/api/hot-issues/${id}/export.xlsx`)).status).toBe(401);
    expect((await call(t.app, 'GET', `/api/hot-issues/${id}`)).status).toBe(401);
    const monitor = await buildStaff(t.ctx, 'monitor');
    expect((await call(t.app, 'GET', '/api/hot-issues', { token: monitor.token })).status).toBe(403);
    const leader = await buildStaff(t.ctx, 'leader');
    expect((await call(t.app, 'GET', '/api/hot-issues/999999999', { token: leader.token })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/hot-issues/abc', { token: leader.token })).status).toBe(400);
  });
});

describe('proposed duplicates', () => {
  it('lists an appeal’s duplicates and lets the intake desk dismiss them, nobody else', async () => {
    const { appeals } = await lampIssue('清风路');
    const [a, b] = appeals;
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const list = await call(t.app, 'GET', `/api/appeals/${b!.id}/duplicates`, { token: dispatcher.token });
    expect(list.status).toBe(200);
    const pair = list.body.data.find((d: { otherId: string }) => d.otherId === a!.id);
    expect(pair).toMatchObject({ trackingCode: a!.trackingCode, candidateStatus: 'proposed', isOtherEarlier: true });
    expect(pair.reasons.join('；')).toContain('清风路');

    expect((await call(t.app, 'GET', `/api/appeals/${b!.id}/duplicates`)).status).toBe(401);
    const outsider = await buildStaff(t.ctx, 'handler', await buildUnit(t.ctx.pool));
    expect((await call(t.app, 'GET', `/api/appeals/${b!.id}/duplicates`, { token: outsider.token })).status).toBe(404);

    const url = `/api/appeals/${b!.id}/duplicates/${a!.id}/dismiss`;
    const leader = await buildStaff(t.ctx, 'leader');
    expect((await call(t.app, 'POST', url, { token: leader.token })).status).toBe(403);
    expect((await call(t.app, 'POST', url)).status).toBe(401);
    const stranger = await buildStaff(t.ctx, 'dispatcher', await buildUnit(t.ctx.pool, { kind: 'platform', regionCode: '341221' }));
    expect((await call(t.app, 'POST', url, { token: stranger.token })).status).toBe(404);
    const still = await call(t.app, 'GET', `/api/appeals/${b!.id}/duplicates?status=proposed`, { token: dispatcher.token });
    expect(still.body.data.map((d: { otherId: string }) => d.otherId)).toContain(a!.id);

    const ok = await call(t.app, 'POST', url, { token: dispatcher.token });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ otherId: a!.id, candidateStatus: 'dismissed' });
    const proposed = await call(t.app, 'GET', `/api/appeals/${a!.id}/duplicates?status=proposed`, { token: dispatcher.token });
    expect(proposed.body.data.map((d: { otherId: string }) => d.otherId)).not.toContain(b!.id);
    expect((await call(t.app, 'GET', `/api/appeals/${a!.id}/duplicates?status=nope`, { token: dispatcher.token })).status).toBe(400);
    const unknown = `/api/appeals/${b!.id}/duplicates/00000000-0000-4000-8000-000000000000/dismiss`;
    expect((await call(t.app, 'POST', unknown, { token: dispatcher.token })).status).toBe(404);
  });

  it('flags appeals with proposed duplicates in the appeal list, until they are dismissed', async () => {
    const { appeals } = await lampIssue('向阳路');
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const counts = async () => {
      const res = await call(t.app, 'GET', `/api/appeals?q=${encodeURIComponent('向阳路')}&pageSize=50`, { token: dispatcher.token });
      expect(res.status).toBe(200);
      return new Map(res.body.data.map((x: { id: string; duplicateCount: number }) => [x.id, x.duplicateCount]));
    };
    const before = await counts();
    for (const a of appeals) expect(before.get(a.id), a.title).toBeGreaterThan(0);
    const pairs = await call(t.app, 'GET', `/api/appeals/${appeals[2]!.id}/duplicates?status=proposed`, { token: dispatcher.token });
    for (const d of pairs.body.data as { otherId: string }[]) {
      expect((await call(t.app, 'POST', `/api/appeals/${appeals[2]!.id}/duplicates/${d.otherId}/dismiss`, { token: dispatcher.token })).status).toBe(200);
    }
    expect((await counts()).get(appeals[2]!.id)).toBe(0);
  });

  it('refuses to dismiss a merged pair', async () => {
    const { appeals } = await lampIssue('人民路');
    const [, , c] = appeals;
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const list = await call(t.app, 'GET', `/api/appeals/${c!.id}/duplicates`, { token: dispatcher.token });
    const other = list.body.data[0].otherId as string;
    await markMerged(t.ctx.pool, c!.id, other);
    const res = await call(t.app, 'POST', `/api/appeals/${c!.id}/duplicates/${other}/dismiss`, { token: dispatcher.token });
    expect(res.status).toBe(409);
    const after = await call(t.app, 'GET', `/api/appeals/${c!.id}/duplicates`, { token: dispatcher.token });
    expect(after.body.data.find((d: { otherId: string }) => d.otherId === other).candidateStatus).toBe('merged');
  });
});
