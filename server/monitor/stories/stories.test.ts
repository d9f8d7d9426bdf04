import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestPool, testContext } from '../../test/helpers';
import { samplePost, uniqueTag } from '../ingest/test-support';
import { ingest, storyIdsOf } from '../ingest/test-posts';
import { seedMonitorDefaults } from '../seed';

const ctx = testContext();
beforeAll(() => seedMonitorDefaults(ctx.pool));
afterAll(closeTestPool);

describe('stories', () => {
  it('groups near-duplicate posts about one place into one story, across batches', async () => {
    const tag = uniqueTag();
    const base = `颍泉区${tag}花园小区地下车库连续三天被水淹，几十辆车泡在水里，物业说不归他们管，业主们非常气愤。`;
    const first = [
      samplePost({ platformPostId: `nd-${tag}-1`, text: base }),
      samplePost({ platformPostId: `nd-${tag}-2`, platform: 'douyin', text: `转发：${base}@阜阳发布` }),
    ];
    const r1 = await ingest(ctx, first);
    expect(r1.created).toBe(2);
    const later = [samplePost({ platformPostId: `nd-${tag}-3`, text: `${base.replace('非常气愤', '非常非常气愤')}！！` })];
    await ingest(ctx, later);
    const unrelated = [
      samplePost({ platformPostId: `nd-${tag}-4`, text: `颍泉区${tag}路口的红绿灯坏了一个星期，早晚高峰堵得水泄不通，交警也不来管。` }),
      // Same words, another county: a different event.
      samplePost({ platformPostId: `nd-${tag}-5`, text: base.replace('颍泉区', '界首市') }),
    ];
    await ingest(ctx, unrelated);
    const ids = await storyIdsOf(ctx, [1, 2, 3, 4, 5].map((i) => `nd-${tag}-${i}`));
    expect(ids.get(`nd-${tag}-2`)).toBe(ids.get(`nd-${tag}-1`));
    expect(ids.get(`nd-${tag}-3`)).toBe(ids.get(`nd-${tag}-1`));
    expect(ids.get(`nd-${tag}-4`)).not.toBe(ids.get(`nd-${tag}-1`));
    expect(ids.get(`nd-${tag}-5`)).not.toBe(ids.get(`nd-${tag}-1`));
    const story = (await ctx.pool.query('select * from stories where id = $1', [ids.get(`nd-${tag}-1`)])).rows[0];
    expect(story).toMatchObject({ post_count: 3, region_code: '341204' });
    expect(story.heat).toBeGreaterThan(0);
    expect(story.label).toContain('花园小区地下车库');
  });

  it('counts a re-arriving post once in its story and adds its engagement growth to the heat', async () => {
    const tag = uniqueTag();
    const post = samplePost({ platformPostId: `ra-${tag}`, text: `颍东区${tag}菜市场门口垃圾堆成山，臭气熏天，环卫工好几天没来清运了。`, engagement: { likes: 1, shares: 0, comments: 0, views: 10 } });
    await ingest(ctx, [post]);
    const storyId = (await storyIdsOf(ctx, [`ra-${tag}`])).get(`ra-${tag}`);
    const before = (await ctx.pool.query('select heat, post_count from stories where id = $1', [storyId])).rows[0];
    await ingest(ctx, [{ ...post, engagement: { likes: 800, shares: 300, comments: 200, views: 90000 } }]);
    const after = (await ctx.pool.query('select heat, post_count, peak_heat from stories where id = $1', [storyId])).rows[0];
    expect(after.post_count).toBe(1);
    expect(after.heat).toBeGreaterThan(before.heat + 100);
    expect(after.peak_heat).toBeCloseTo(after.heat, 6);
  });
});
