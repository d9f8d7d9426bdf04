import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestPool, testContext } from '../../test/helpers';
import { samplePost, uniqueTag } from '../ingest/test-support';
import { alertsOfStory, ingest, storyIdsOf } from '../ingest/test-posts';
import { seedMonitorDefaults } from '../seed';

const ctx = testContext();
beforeAll(() => seedMonitorDefaults(ctx.pool));
afterAll(closeTestPool);

const author = (tag: string, over: Record<string, unknown> = {}) => ({ name: `网友${tag}`, id: `a-${tag}`, followers: 300, verified: false, ...over });

async function storyOf(platformPostId: string): Promise<number> {
  return (await storyIdsOf(ctx, [platformPostId])).get(platformPostId)!;
}

describe('alerts', () => {
  it('raises one alert for fifty posts of one story, its level rising with the heat', async () => {
    const tag = uniqueTag();
    const base = `颍州区${tag}建筑工地拖欠三十多名农民工工资半年了，讨薪无门，太过分了，希望有关部门管一管！`;
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const posts = Array.from({ length: 5 }, (_, k) => {
        const i = batch * 5 + k;
        ids.push(`fifty-${tag}-${i}`);
        return samplePost({
          platformPostId: `fifty-${tag}-${i}`,
          author: author(`${tag}${i}`),
          text: i === 0 ? base : `${base}（转${i}）`,
          engagement: { likes: 40 * (i + 1), shares: 10 * (i + 1), comments: 8 * (i + 1), views: 3000 * (i + 1) },
        });
      });
      const r = await ingest(ctx, posts);
      expect(r.alertIds.length).toBeLessThanOrEqual(1);
    }
    const stories = new Set((await storyIdsOf(ctx, ids)).values());
    expect(stories.size).toBe(1);
    const alerts = await alertsOfStory(ctx, [...stories][0]!);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.status).toBe('open');
    expect(alerts[0]!.level).toBe('red');
    expect(alerts[0]!.reasons.map((r) => r.split('：')[0])).toEqual(expect.arrayContaining(['负面舆情升温', '负面舆情高热', '负面舆情爆发']));
  });

  it('never alerts again on a story marked irrelevant', async () => {
    const tag = uniqueTag();
    const base = `临泉县${tag}化工厂半夜偷排废水，河水发黑发臭，附近村民苦不堪言，举报多次无人处理。`;
    const post = (i: number, likes: number) => samplePost({ platformPostId: `irr-${tag}-${i}`, author: author(`${tag}${i}`), text: i === 0 ? base : `${base}转发${i}`, engagement: { likes, shares: likes / 4, comments: likes / 5, views: likes * 50 } });
    expect((await ingest(ctx, [post(0, 200)])).alertIds).toHaveLength(1);
    const storyId = await storyOf(`irr-${tag}-0`);
    await ctx.pool.query(`update alerts set status = 'irrelevant', handled_at = now(), updated_at = now() where story_id = $1`, [storyId]);
    const later = await ingest(ctx, [post(1, 2000), post(2, 20000), samplePost({ platformPostId: `irr-${tag}-3`, text: `${base}有人说要跳楼` })]);
    expect(later.alertIds).toHaveLength(0);
    expect(await storyOf(`irr-${tag}-2`)).toBe(storyId);
    expect((await alertsOfStory(ctx, storyId)).map((a) => a.status)).toEqual(['irrelevant']);
  });

  it('re-alerts a handled story only when it grows beyond the level handled', async () => {
    const tag = uniqueTag();
    const base = `阜南县${tag}一小区电梯三天两头坏，物业不管不问，老人被困了好几次，太气人了。`;
    const post = (i: number, likes: number) => samplePost({ platformPostId: `hdl-${tag}-${i}`, author: author(`${tag}${i}`), text: i === 0 ? base : `${base}（${i}）`, engagement: { likes, shares: 0, comments: 0, views: 0 } });
    await ingest(ctx, [post(0, 60)]);
    const storyId = await storyOf(`hdl-${tag}-0`);
    const [first] = await alertsOfStory(ctx, storyId);
    expect(first!.level).toBe('yellow');
    await ctx.pool.query(`update alerts set status = 'handled', handled_at = now(), updated_at = now() where id = $1`, [first!.id]);
    await ingest(ctx, [post(1, 100)]);
    expect(await alertsOfStory(ctx, storyId)).toHaveLength(1);
    await ingest(ctx, [post(2, 5000)]);
    const alerts = await alertsOfStory(ctx, storyId);
    expect(alerts.map((a) => [a.status, a.level])).toEqual([['handled', 'yellow'], ['open', 'red']]);
  });

  it('alerts on a negative post by an influential author, not on the same post by anyone else', async () => {
    const tag = uniqueTag();
    const quiet = { likes: 0, shares: 0, comments: 0, views: 0 };
    const verified = samplePost({ platformPostId: `vip-${tag}`, author: author(tag, { verified: true, followers: 800 }), text: `界首市${tag}一家幼儿园食堂用过期食材，家长们很担心，园方还不承认！`, engagement: quiet });
    const big = samplePost({ platformPostId: `big-${tag}`, author: author(`${tag}b`, { followers: 2_500_000 }), text: `太和县${tag}有工厂夜里排放刺鼻废气，周边居民头晕恶心，投诉了也没人管。`, engagement: quiet });
    const nobody = samplePost({ platformPostId: `nob-${tag}`, author: author(`${tag}n`), text: `颍上县${tag}学校门口小摊卖三无食品，孩子吃了拉肚子，城管也不管管。`, engagement: quiet });
    const r = await ingest(ctx, [verified, big, nobody]);
    expect(r.alertIds).toHaveLength(2);
    const [vip] = await alertsOfStory(ctx, await storyOf(`vip-${tag}`));
    expect(vip).toMatchObject({ level: 'orange', reasons: [expect.stringContaining(`认证账号「网友${tag}」`)] });
    const [bigAlert] = await alertsOfStory(ctx, await storyOf(`big-${tag}`));
    expect(bigAlert!.reasons[0]).toContain('粉丝250.0万');
    expect(await alertsOfStory(ctx, await storyOf(`nob-${tag}`))).toHaveLength(0);
  });

  it('alerts red on sensitive words in a relevant post only', async () => {
    const tag = uniqueTag();
    const quiet = { likes: 0, shares: 0, comments: 0, views: 0 };
    const local = samplePost({ platformPostId: `sw-${tag}`, text: `颍东区${tag}讨薪工人说再不给钱就要跳楼，现场很多人围观。`, engagement: quiet });
    const elsewhere = samplePost({ platformPostId: `sw2-${tag}`, text: `某地${tag}一男子站在楼顶扬言跳楼，消防正在救援。`, engagement: quiet });
    await ingest(ctx, [local, elsewhere]);
    const [alert] = await alertsOfStory(ctx, await storyOf(`sw-${tag}`));
    expect(alert).toMatchObject({ level: 'red', reasons: ['敏感词：含敏感词“跳楼”'] });
    expect(await alertsOfStory(ctx, await storyOf(`sw2-${tag}`))).toHaveLength(0);
  });

  it('lowers the level for an author whose alerts were mostly marked irrelevant', async () => {
    const tag = uniqueTag();
    const who = author(tag, { followers: 50 });
    const quiet = { likes: 0, shares: 0, comments: 0, views: 0 };
    const texts = ['颍州区', '颍东区', '颍泉区', '临泉县'].map((county, i) => `${county}${tag}第${i}号：有人堵路拉横幅讨说法，场面一度混乱，大家快去看看吧！`);
    for (let i = 0; i < 3; i++) {
      await ingest(ctx, [samplePost({ platformPostId: `noisy-${tag}-${i}`, author: who, text: texts[i], engagement: quiet })]);
      const storyId = await storyOf(`noisy-${tag}-${i}`);
      await ctx.pool.query(`update alerts set status = 'irrelevant', handled_at = now(), updated_at = now() where story_id = $1`, [storyId]);
    }
    await ingest(ctx, [samplePost({ platformPostId: `noisy-${tag}-3`, author: who, text: texts[3], engagement: quiet })]);
    const [alert] = await alertsOfStory(ctx, await storyOf(`noisy-${tag}-3`));
    expect(alert).toMatchObject({ level: 'orange', reasons: [expect.stringContaining('降一级')] });
  });
});
