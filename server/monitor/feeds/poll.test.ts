import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSource, insertSource, type DueFeed } from '../../repositories/monitor-sources';
import { closeTestPool, testContext } from '../../test/helpers';
import { htmlToText, parseFeed } from './parse';
import { pollFeed, pollFeeds } from './poll';

const fixture = (name: string): string => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const ctx = testContext();

/** A local feed server: serves fixtures with validators and answers 304 to a matching conditional GET. */
const seen: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[] = [];
const server = http.createServer((req, res) => {
  const path = req.url ?? '/';
  seen.push({ path, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
  if (path === '/rss.xml') {
    if (req.headers['if-none-match'] === '"rss-v1"') return void res.writeHead(304).end();
    return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"rss-v1"' }).end(fixture('rss.xml'));
  }
  if (path === '/atom.xml') {
    const lastModified = 'Wed, 01 May 2024 02:30:00 GMT';
    if (req.headers['if-modified-since'] === lastModified) return void res.writeHead(304).end();
    return void res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': lastModified }).end(fixture('atom.xml'));
  }
  if (path === '/broken.xml') return void res.writeHead(200, { 'content-type': 'text/xml' }).end('<html><body>not a feed</body></html>');
  res.writeHead(500).end('boom');
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await closeTestPool();
});

async function feedSource(path: string): Promise<DueFeed & { platform: string }> {
  const id = crypto.randomUUID();
  const code = `feed-${id.slice(0, 8)}`;
  const platform = `bbs-${id.slice(0, 8)}`;
  await insertSource(ctx.pool, id, { code, name: code, kind: 'feed', platform, feedUrl: `${base}${path}`, pollSeconds: 60, isActive: true }, null);
  return { id, code, platform, feedUrl: `${base}${path}`, etag: null, lastModified: null };
}

async function postsOf(platform: string): Promise<{ platform_post_id: string; title: string; text: string; author_name: string | null; url: string | null; media: string[]; region_code: string | null; published_at: Date }[]> {
  return (await ctx.pool.query('select * from posts where platform = $1 order by platform_post_id', [platform])).rows;
}

describe('parseFeed', () => {
  it('reads RSS items and Atom entries as posts', () => {
    const now = new Date();
    const rss = parseFeed(fixture('rss.xml'), 'bbs', now);
    expect(rss).toHaveLength(3);
    expect(rss[0]).toMatchObject({ platformPostId: 'bbs-1001', author: { name: '颍州老李' }, publishedAt: '2024-05-01T01:34:00.000Z', url: 'https://bbs.example.cn/t/1001' });
    expect(rss[0]!.text).toBe('颍州区清河街道一工地拖欠三十多名农民工工资半年了，讨薪无门。\n希望有关部门管一管&帮帮我们！');
    expect(rss[1]!.media).toEqual(['https://img.example.cn/1002.jpg']);
    const atom = parseFeed(fixture('atom.xml'), 'msg', now);
    expect(atom.map((e) => e.platformPostId)).toEqual(['urn:example:msg:2001', 'urn:example:msg:2002']);
    expect(atom[0]).toMatchObject({ text: '每逢下雨，学校门口的路就积水到膝盖，孩子上学很危险。', author: { name: '界首家长' }, url: 'https://msg.example.cn/2001' });
    expect(atom[1]).toMatchObject({ publishedAt: '2024-05-01T01:00:00.000Z', url: 'https://msg.example.cn/2002' });
    expect(() => parseFeed('<html/>', 'x', now)).toThrow(/neither an RSS/);
  });

  it('turns HTML into text', () => {
    expect(htmlToText('<p>a&nbsp;b</p><script>x()</script><p>&#x4E2D;&#25991; &lt;ok&gt;</p>')).toBe('a b\n中文 <ok>');
  });
});

describe('pollFeed', () => {
  it('ingests an RSS feed, skips a bad item, then costs only a 304', async () => {
    const feed = await feedSource('/rss.xml');
    const first = await pollFeed(ctx, feed);
    expect(first).toMatchObject({ outcome: 'ingested', items: 2, created: 2, skipped: 1 });
    const rows = await postsOf(feed.platform);
    expect(rows.map((r) => r.platform_post_id)).toEqual(['bbs-1001', 'https://bbs.example.cn/t/1002']);
    expect(rows[0]).toMatchObject({ title: '颍州区某工地拖欠农民工工资', author_name: '颍州老李', region_code: '341202003' });
    expect(rows[1]!.region_code).toBe('341221');
    const stored = await findSource(ctx.pool, feed.id);
    expect(stored).toMatchObject({ etag: '"rss-v1"', lastError: expect.stringContaining('skipped 1 item') });

    const second = await pollFeed(ctx, { ...feed, etag: stored!.etag });
    expect(second.outcome).toBe('not_modified');
    expect(seen.at(-1)).toMatchObject({ path: '/rss.xml', ifNoneMatch: '"rss-v1"' });
    expect((await findSource(ctx.pool, feed.id))!.lastError).toBeNull();
    expect(await postsOf(feed.platform)).toHaveLength(2);
  });

  it('ingests an Atom feed and sends If-Modified-Since next time', async () => {
    const feed = await feedSource('/atom.xml');
    expect(await pollFeed(ctx, feed)).toMatchObject({ outcome: 'ingested', created: 2, skipped: 0 });
    const stored = (await findSource(ctx.pool, feed.id))!;
    expect(stored.lastModified).toBe('Wed, 01 May 2024 02:30:00 GMT');
    expect((await pollFeed(ctx, { ...feed, lastModified: stored.lastModified })).outcome).toBe('not_modified');
    expect(seen.at(-1)?.ifModifiedSince).toBe('Wed, 01 May 2024 02:30:00 GMT');
  });

  it('records HTTP errors and documents that are not feeds on the source, without throwing', async () => {
    for (const path of ['/missing.xml', '/broken.xml']) {
      const feed = await feedSource(path);
      const report = await pollFeed(ctx, feed);
      expect(report.outcome).toBe('failed');
      expect((await findSource(ctx.pool, feed.id))!.lastError).toBe(report.error);
    }
    const unreachable = await feedSource('/rss.xml');
    const report = await pollFeed(ctx, { ...unreachable, feedUrl: 'http://127.0.0.1:9/rss.xml' });
    expect(report.outcome).toBe('failed');
  });
});

describe('pollFeeds', () => {
  it('claims due feeds once per interval', async () => {
    const feed = await feedSource('/atom.xml');
    const first = await pollFeeds(ctx);
    expect(first.find((r) => r.code === feed.code)?.outcome).toBe('ingested');
    const again = await pollFeeds(ctx);
    expect(again.find((r) => r.code === feed.code)).toBeUndefined();
    expect((await findSource(ctx.pool, feed.id))!.lastPolledAt).not.toBeNull();
  });
});
