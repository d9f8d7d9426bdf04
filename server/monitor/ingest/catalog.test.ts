import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestPool, testContext } from '../../test/helpers';
import { DEFAULT_ALERT_RULES, DEFAULT_SCHEMES, seedMonitorDefaults } from '../seed';
import { TermFilter } from './catalog';
import { samplePost, uniqueTag } from './test-support';
import { ingest } from './test-posts';

const ctx = testContext();
beforeAll(() => seedMonitorDefaults(ctx.pool));
afterAll(closeTestPool);

async function schemeIdsOf(platformPostId: string): Promise<string[]> {
  return (await ctx.pool.query('select scheme_ids from posts where platform_post_id = $1', [platformPostId])).rows[0].scheme_ids;
}

async function addScheme(expression: string, regionCode: string | null): Promise<string> {
  const id = crypto.randomUUID();
  await ctx.pool.query('insert into keyword_schemes (id, name, topic, region_code, expression) values ($1, $2, $3, $4, $5)', [id, `测试方案${id.slice(0, 6)}`, '测试', regionCode, expression]);
  return id;
}

describe('keyword schemes in the pipeline', () => {
  it('matches the seeded schemes and stores the matches on the post', async () => {
    const tag = uniqueTag();
    await ingest(ctx, [
      samplePost({ platformPostId: `wage-${tag}`, text: `老板拖欠工资三个月了${tag}` }),
      samplePost({ platformPostId: `none-${tag}`, text: `今天天气不错${tag}` }),
    ]);
    expect(await schemeIdsOf(`wage-${tag}`)).toEqual([DEFAULT_SCHEMES[0]!.id]);
    expect(await schemeIdsOf(`none-${tag}`)).toEqual([]);
  });

  it('picks up a new, changed or switched-off scheme on the next batch, honouring its region', async () => {
    const tag = uniqueTag();
    const term = `新词${tag}`;
    await ingest(ctx, [samplePost({ platformPostId: `before-${tag}`, text: `这里出现了${term}` })]);
    expect(await schemeIdsOf(`before-${tag}`)).toEqual([]);
    const id = await addScheme(`${term} -广告`, '341221');
    await ingest(ctx, [
      samplePost({ platformPostId: `in-${tag}`, text: `临泉县出现了${term}` }),
      samplePost({ platformPostId: `out-${tag}`, text: `颍州区出现了${term}` }),
      samplePost({ platformPostId: `any-${tag}`, text: `出现了${term}` }),
      samplePost({ platformPostId: `ad-${tag}`, text: `临泉县${term}广告` }),
    ]);
    expect(await schemeIdsOf(`in-${tag}`)).toEqual([id]);
    expect(await schemeIdsOf(`out-${tag}`)).toEqual([]);
    expect(await schemeIdsOf(`any-${tag}`)).toEqual([id]);
    expect(await schemeIdsOf(`ad-${tag}`)).toEqual([]);
    await ctx.pool.query('update keyword_schemes set is_active = false, updated_at = now() where id = $1', [id]);
    await ingest(ctx, [samplePost({ platformPostId: `after-${tag}`, text: `临泉县出现了${term}` })]);
    expect(await schemeIdsOf(`after-${tag}`)).toEqual([]);
  });
});

describe('seedMonitorDefaults', () => {
  it('is idempotent', async () => {
    await seedMonitorDefaults(ctx.pool);
    const rules = await ctx.pool.query('select count(*)::int as n from alert_rules where id = any($1)', [DEFAULT_ALERT_RULES.map((r) => r.id)]);
    const schemes = await ctx.pool.query('select count(*)::int as n from keyword_schemes where id = any($1)', [DEFAULT_SCHEMES.map((s) => s.id)]);
    expect([rules.rows[0].n, schemes.rows[0].n]).toEqual([DEFAULT_ALERT_RULES.length, DEFAULT_SCHEMES.length]);
  });
});

describe('TermFilter', () => {
  it('says whether any term occurs', () => {
    const f = new TermFilter(['欠薪', '欠款', '污染']);
    expect(f.hasAny('他们欠薪了')).toBe(true);
    expect(f.hasAny('河水被污染')).toBe(true);
    expect(f.hasAny('欠了钱')).toBe(false);
    expect(new TermFilter([]).hasAny('欠薪')).toBe(false);
  });
});
