import { afterAll, describe, expect, it } from 'vitest';
import { buildClosedAppeal, buildSubmittedAppeal } from '../../factories/appeals';
import { markMerged } from '../../repositories/duplicates';
import { closeTestPool, testContext } from '../../test/helpers';
import { clusterAppeal, resetClusterStatsCache } from './store';

const ctx = testContext();
afterAll(closeTestPool);

// Each test has its own problem and place, so tests (and other files in the same database) never meet.
const mixer = (place: string) => [
  { title: `${place}附近搅拌站噪音扰民`, body: `${place}小区附近新建了一座混凝土搅拌站，每天夜里机器轰鸣，噪音很大，粉尘也多，居民无法休息。` },
  { title: `${place}旁搅拌站粉尘污染严重`, body: `我是${place}的业主，小区旁边的搅拌站粉尘污染严重，晚上还有噪音，请环保部门查处搅拌站。` },
  { title: `投诉${place}附近搅拌站夜间施工噪音`, body: `${place}附近搅拌站夜间施工，噪音和粉尘严重影响小区居民睡眠，请求搬迁搅拌站。` },
];

async function issueRow(id: string) {
  const res = await ctx.pool.query('select label, keywords, size, likes, heat from hot_issues where id = $1', [id]);
  return res.rows[0];
}

describe('clusterAppeal', () => {
  it('puts appeals about one problem into one hot issue and proposes them as duplicates', async () => {
    resetClusterStatsCache();
    const appeals = [];
    for (const m of mixer('翠柏花园')) appeals.push(await buildSubmittedAppeal(ctx, m));
    const other = await buildSubmittedAppeal(ctx, { title: '新生儿医保怎么办理', body: '请问新生儿医保在哪里办理，需要带哪些材料，网上可以办理吗？' });
    const results = [];
    for (const x of [...appeals, other]) results.push(await clusterAppeal(ctx.pool, x.id, new Date()));
    const ids = results.map((r) => r.hotIssueId);
    expect(ids[0]).not.toBeNull();
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(ids[3]).not.toBe(ids[0]);
    const issue = await issueRow(ids[0] as string);
    expect(issue.size).toBe(3);
    expect(issue.label).toContain('翠柏花园');
    expect(issue.keywords).toContain('搅拌站');
    const dupes = results[1]!.duplicates;
    expect(dupes.map((d) => d.otherId)).toContain(appeals[0]!.id);
    expect(dupes[0]!.reasons.join('；')).toContain('翠柏花园');
    const stored = await ctx.pool.query('select appeal_id, other_id, status from duplicate_candidates where appeal_id = $1 and other_id = $2', [appeals[1]!.id, appeals[0]!.id]);
    expect(stored.rows).toEqual([{ appeal_id: appeals[1]!.id, other_id: appeals[0]!.id, status: 'proposed' }]);
    expect(results[3]!.duplicates).toEqual([]);
  });

  it('is idempotent and counts support in likes and heat', async () => {
    const appeals = [];
    for (const m of mixer('银杏家园')) appeals.push(await buildSubmittedAppeal(ctx, m));
    const first = await clusterAppeal(ctx.pool, appeals[0]!.id, new Date());
    await ctx.pool.query('update appeals set support_count = 16 where id = $1', [appeals[0]!.id]);
    await clusterAppeal(ctx.pool, appeals[1]!.id, new Date());
    const again = await clusterAppeal(ctx.pool, appeals[1]!.id, new Date());
    expect(again.hotIssueId).toBe(first.hotIssueId);
    const issue = await issueRow(first.hotIssueId as string);
    expect(issue.size).toBe(2);
    expect(issue.likes).toBe(16);
    // Two appeals, one with 16 likes: 1 + (1 + √16 / 2) = 4, barely decayed.
    expect(issue.heat).toBeGreaterThan(3.9);
    const members = await ctx.pool.query('select count(*)::int as n from hot_issue_members where hot_issue_id = $1', [first.hotIssueId]);
    expect(members.rows[0].n).toBe(2);
  });

  it('serialises concurrent appeals of one problem into one issue', async () => {
    const appeals = [];
    for (const m of mixer('香樟苑')) appeals.push(await buildSubmittedAppeal(ctx, m));
    const results = await Promise.all(appeals.map((x) => clusterAppeal(ctx.pool, x.id, new Date())));
    expect(new Set(results.map((r) => r.hotIssueId)).size).toBe(1);
  });

  it('proposes no closed appeal as a duplicate, and marks merged pairs', async () => {
    const [m1, m2, m3] = mixer('紫荆山庄');
    const { appeal: closed } = await buildClosedAppeal(ctx, m1!);
    const open1 = await buildSubmittedAppeal(ctx, m2!);
    const open2 = await buildSubmittedAppeal(ctx, m3!);
    await clusterAppeal(ctx.pool, closed.id, new Date());
    await clusterAppeal(ctx.pool, open1.id, new Date());
    const r = await clusterAppeal(ctx.pool, open2.id, new Date());
    expect(r.duplicates.map((d) => d.otherId)).toEqual([open1.id]);
    await markMerged(ctx.pool, open2.id, open1.id);
    const rows = await ctx.pool.query('select status from duplicate_candidates where appeal_id = $1', [open2.id]);
    expect(rows.rows.map((x) => x.status)).toEqual(['merged']);
  });

  it('returns nothing for an unknown appeal', async () => {
    expect(await clusterAppeal(ctx.pool, '00000000-0000-4000-8000-000000000000', new Date())).toEqual({ hotIssueId: null, duplicates: [] });
  });
});
