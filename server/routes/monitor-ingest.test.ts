import { beforeAll, describe, expect, it } from 'vitest';
import { buildStaff } from '../factories/people';
import { buildPushSource, pushSigned, samplePost, uniqueTag } from '../monitor/ingest/test-support';
import { signPush } from '../monitor/ingest/signature';
import { seedMonitorDefaults } from '../monitor/seed';
import { postEngagement } from '../repositories/monitor-duty';
import { call, useTestApp } from '../test/helpers';

const t = useTestApp();

beforeAll(async () => {
  await seedMonitorDefaults(t.ctx.pool);
});

async function storedPosts(platformPostIds: string[]): Promise<{ id: number; platform_post_id: string; likes: number; shares: number; comments: number; views: number; source_id: string; story_id: number; negativity: number; heat: number }[]> {
  const res = await t.ctx.pool.query('select * from posts where platform_post_id = any($1) order by platform_post_id', [platformPostIds]);
  return res.rows;
}

describe('POST /api/monitor/push', () => {
  it('stores a valid signed batch', async () => {
    const source = await buildPushSource(t.ctx);
    const tag = uniqueTag();
    const posts = [1, 2, 3].map((i) => samplePost({ platformPostId: `ok-${tag}-${i}`, text: `第${i}条：${tag}号楼电梯又坏了，物业一直不修，老人上下楼太难了。` }));
    const res = await pushSigned(t.app, source, { posts });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ received: 3, created: 3, updated: 0 });
    const rows = await storedPosts(posts.map((p) => p.platformPostId as string));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.source_id === source.id && r.story_id !== null && r.negativity > 0.5 && r.heat > 0)).toBe(true);
  });

  it('keeps one post per platform id and the engagement as a series', async () => {
    const source = await buildPushSource(t.ctx);
    const post = samplePost({ platformPostId: `again-${uniqueTag()}`, engagement: { likes: 5, shares: 1, comments: 2, views: 100 } });
    expect((await pushSigned(t.app, source, { posts: [post] })).body.data).toMatchObject({ created: 1, updated: 0 });
    const again = await pushSigned(t.app, source, { posts: [{ ...post, engagement: { likes: 50, shares: 12, comments: 9, views: 4000 } }] });
    expect(again.body.data).toMatchObject({ received: 1, created: 0, updated: 1 });
    const rows = await storedPosts([post.platformPostId as string]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ likes: 50, shares: 12, comments: 9, views: 4000 });
    const series = await postEngagement(t.ctx.pool, String(rows[0]!.id));
    expect(series.map((s) => s.likes)).toEqual([5, 50]);
  });

  it('refuses unknown, inactive, unsigned, badly signed and stale pushes with 401, writing nothing', async () => {
    const source = await buildPushSource(t.ctx);
    const inactive = await buildPushSource(t.ctx, { isActive: false });
    const post = samplePost({ platformPostId: `refused-${uniqueTag()}` });
    const body = JSON.stringify({ posts: [post] });
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, Parameters<typeof pushSigned>][] = [
      ['unknown source', [t.app, { code: 'no-such-source', secret: source.secret }, body]],
      ['inactive source', [t.app, inactive, body]],
      ['wrong secret', [t.app, { code: source.code, secret: 'not-the-secret' }, body]],
      ['missing signature', [t.app, source, body, { headers: { 'x-minsheng-signature': '' } }]],
      ['body changed after signing', [t.app, source, body, { signature: signPush(source.secret, now, body.replace('路灯', '路面')) }]],
      ['stale timestamp', [t.app, source, body, { timestamp: now - 3600 }]],
      ['future timestamp', [t.app, source, body, { timestamp: now + 3600 }]],
      ['missing source', [t.app, source, body, { headers: { 'x-minsheng-source': '' } }]],
    ];
    for (const [what, args] of cases) {
      const res = await pushSigned(...args);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(401);
      expect(res.body.error.code, what).toBe('UNAUTHENTICATED');
    }
    expect(await storedPosts([post.platformPostId as string])).toHaveLength(0);
  });

  it('rejects a malformed batch naming the post and field, writing nothing', async () => {
    const source = await buildPushSource(t.ctx);
    const tag = uniqueTag();
    const posts = [0, 1, 2, 3, 4].map((i) => samplePost({ platformPostId: `bad-${tag}-${i}` }));
    delete posts[3]!.text;
    const res = await pushSigned(t.app, source, { posts });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toBe('posts[3].text: required');
    expect(res.body.error.details[0]).toMatchObject({ field: 'posts[3].text', index: 3 });
    expect(await storedPosts(posts.map((p) => p.platformPostId as string))).toHaveLength(0);

    const more: [unknown, string][] = [
      [{ posts: [samplePost({ publishedAt: '2024-02-30T10:00:00+08:00' })] }, 'posts[0].publishedAt'],
      [{ posts: [samplePost({ engagement: { likes: -1 } })] }, 'posts[0].engagement.likes'],
      [{ posts: [samplePost({ author: { followers: 'many' } })] }, 'posts[0].author.followers'],
      [{ posts: [samplePost(), 'text'] }, 'posts[1]'],
      [{ posts: [samplePost({ text: 'nul\u0000here' })] }, 'posts[0].text'],
      [{ posts: [] }, 'body.posts'],
      [{ items: [] }, 'body.posts'],
      ['{"posts": [', 'body'],
    ];
    for (const [body, field] of more) {
      const r = await pushSigned(t.app, source, body);
      expect(r.status, `${field}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.error.message.startsWith(`${field}`), r.body.error.message).toBe(true);
    }
  });

  it('limits the batch size (posts 400, bytes 413)', async () => {
    const source = await buildPushSource(t.ctx);
    const many = Array.from({ length: 1001 }, () => samplePost());
    const tooMany = await pushSigned(t.app, source, { posts: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('at most 1000');
    const huge = await pushSigned(t.app, source, { posts: [samplePost({ text: '长'.repeat(20_000) })], pad: 'x'.repeat(5 * 1024 * 1024) });
    expect(huge.status).toBe(413);
  });
});

describe('sources and rules admin', () => {
  it('creates a push source showing its secret once, rotates it, and refuses non-admins', async () => {
    const admin = await buildStaff(t.ctx, 'admin');
    const duty = await buildStaff(t.ctx, 'duty_officer');
    const code = `adm-${uniqueTag()}`;
    const created = await call(t.app, 'POST', '/api/monitor/sources', { token: admin.token, body: { code, name: '微博推送', kind: 'push' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data.secret).toMatch(/^[\w-]{40,}$/);
    expect(created.body.data.hasSecret).toBe(true);
    const pushed = await pushSigned(t.app, { code, secret: created.body.data.secret }, { posts: [samplePost()] });
    expect(pushed.status).toBe(200);
    const list = await call(t.app, 'GET', '/api/monitor/sources', { token: duty.token });
    const listed = list.body.data.find((s: { code: string }) => s.code === code);
    expect(listed.secret).toBeUndefined();
    expect((await call(t.app, 'POST', '/api/monitor/sources', { token: duty.token, body: { code: `x-${uniqueTag()}`, name: 'x', kind: 'push' } })).status).toBe(403);
    expect((await call(t.app, 'POST', '/api/monitor/sources', { token: admin.token, body: { code, name: 'dup', kind: 'push' } })).status).toBe(409);
    expect((await call(t.app, 'POST', '/api/monitor/sources', { token: admin.token, body: { code: `f-${uniqueTag()}`, name: 'feed', kind: 'feed' } })).body.error.message).toContain('body.feedUrl');

    const rotated = await call(t.app, 'POST', `/api/monitor/sources/${created.body.data.id}/rotate-secret`, { token: admin.token });
    expect(rotated.body.data.secret).not.toBe(created.body.data.secret);
    expect((await pushSigned(t.app, { code, secret: created.body.data.secret }, { posts: [samplePost()] })).status).toBe(401);
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/monitor/sources/${created.body.data.id}`, headers: { authorization: `Bearer ${admin.token}` }, payload: { platform: 'weibo', pollSeconds: 60 } });
    expect(JSON.parse(renamed.body).data).toMatchObject({ platform: 'weibo', pollSeconds: 60, name: '微博推送', isActive: true });
    const off = await t.app.inject({ method: 'PATCH', url: `/api/monitor/sources/${created.body.data.id}`, headers: { authorization: `Bearer ${admin.token}` }, payload: { isActive: false } });
    expect(JSON.parse(off.body).data).toMatchObject({ isActive: false, platform: 'weibo', pollSeconds: 60 });
    expect((await pushSigned(t.app, { code, secret: rotated.body.data.secret }, { posts: [samplePost()] })).status).toBe(401);
  });

  it('lists, adds and changes alert rules with params checked per kind', async () => {
    const admin = await buildStaff(t.ctx, 'admin');
    const list = await call(t.app, 'GET', '/api/monitor/rules', { token: admin.token });
    expect(list.body.data.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['negative_rising', 'influential_author', 'sensitive_words']));
    const bad = await call(t.app, 'POST', '/api/monitor/rules', { token: admin.token, body: { name: '坏规则', kind: 'sensitive_words', level: 'red', params: { words: [] }, isActive: false } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('body.params.words');
    const ok = await call(t.app, 'POST', '/api/monitor/rules', { token: admin.token, body: { name: '测试规则', kind: 'influential_author', level: 'yellow', params: { minFollowers: 5000 }, isActive: false } });
    expect(ok.status).toBe(201);
    expect(ok.body.data.params).toMatchObject({ minFollowers: 5000, minNegativity: 0.6, verifiedCounts: true });
    const patch = (payload: unknown) => t.app.inject({ method: 'PATCH', url: `/api/monitor/rules/${ok.body.data.id}`, headers: { authorization: `Bearer ${admin.token}` }, payload: payload as object });
    expect((await patch({ level: 'orange', params: { minFollowers: -1 } })).statusCode).toBe(400);
    const raised = JSON.parse((await patch({ level: 'orange' })).body).data;
    expect(raised).toMatchObject({ level: 'orange', isActive: false, params: { minFollowers: 5000 } });
  });
});
