import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestPool, testContext } from '../../test/helpers';
import { seedMonitorDefaults } from '../seed';
import { MAX_GROUP_POSTS } from './queue';
import { samplePost, uniqueTag } from './test-support';
import { alertsOfStory, ingest, storyIdsOf } from './test-posts';

const ctx = testContext();
beforeAll(() => seedMonitorDefaults(ctx.pool));
afterAll(closeTestPool);

describe('group commit', () => {
  it('writes concurrent batches together but reports each one its own result', async () => {
    const tag = uniqueTag();
    const shared = samplePost({ platformPostId: `q-${tag}-shared`, text: `阜南县${tag}号：今天路上有点堵` });
    const alarming = samplePost({ platformPostId: `q-${tag}-alarm`, text: `颍上县${tag}号工地：讨薪工人说要跳楼，编号${tag}，现场很多人` });
    const batches = [
      Array.from({ length: 30 }, (_, i) => samplePost({ platformPostId: `q-${tag}-a${i}`, text: `第${i}条普通帖子${tag}，说的是别的事情${i * 7}` })),
      [shared, samplePost({ platformPostId: `q-${tag}-b`, text: `界首市${tag}：公交车太少` })],
      [{ ...shared, engagement: { likes: 99, shares: 0, comments: 0, views: 0 } }, alarming],
    ];
    const results = await Promise.all(batches.map((b) => ingest(ctx, b)));
    const why = JSON.stringify(results);
    expect(results.map((r) => [r.received, r.created + r.updated]), why).toEqual([
      [30, 30],
      [2, 2],
      [2, 2],
    ]);
    expect(results.reduce((n, r) => n + r.created, 0), why).toBe(33);
    expect(results[0]!.alertIds, why).toEqual([]);
    // The alarming post raised one alert, reported to the batch that carried it (and to no other).
    // Other test files' alert rules share this database, so the shared post may raise one too:
    // an alert is reported to every batch that carried its post.
    const storyId = (await storyIdsOf(ctx, [`q-${tag}-alarm`])).get(`q-${tag}-alarm`)!;
    const alarmAlerts = (await alertsOfStory(ctx, storyId)).map((a) => a.id);
    expect(alarmAlerts, why).toHaveLength(1);
    expect(results[2]!.alertIds, why).toContain(alarmAlerts[0]);
    expect(results[1]!.alertIds, why).not.toContain(alarmAlerts[0]);
  });

  it('writes a batch larger than a group on its own', async () => {
    const tag = uniqueTag();
    const big = Array.from({ length: MAX_GROUP_POSTS + 500 }, (_, i) => samplePost({ platformPostId: `big-${tag}-${i}`, text: `第${i}号帖子${tag}：${i % 7 === 0 ? '小区停水' : '路灯不亮'}${i}` }));
    const [r, small] = await Promise.all([ingest(ctx, big), ingest(ctx, [samplePost({ platformPostId: `small-${tag}` })])]);
    expect(r).toMatchObject({ received: big.length, created: big.length, updated: 0 });
    expect(small.created).toBe(1);
    const n = await ctx.pool.query(`select count(*)::int as n from posts where platform_post_id like $1`, [`big-${tag}-%`]);
    expect(n.rows[0].n).toBe(big.length);
  });
});
