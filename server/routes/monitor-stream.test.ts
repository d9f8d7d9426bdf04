import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { withTransaction } from '../db/pool';
import { buildStaff } from '../factories/people';
import { notifyAlertChanged } from '../monitor/alerts/notify';
import { buildPushSource, samplePost, uniqueTag } from '../monitor/ingest/test-support';
import { signPush } from '../monitor/ingest/signature';
import { seedMonitorDefaults } from '../monitor/seed';
import type { AlertView } from '../presenters/monitor';
import { closeTestPool, testContext } from '../test/helpers';

const ctx = testContext();
let app: Awaited<ReturnType<typeof buildApp>>;
let base = '';

beforeAll(async () => {
  await seedMonitorDefaults(ctx.pool);
  app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await closeTestPool();
});

interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/** An open stream: events parsed as they arrive; next() waits for the next one matching. */
function openStream(token: string | null, lastEventId?: string): Promise<{ status: number; contentType: string; next: (match: (e: SseEvent) => boolean) => Promise<SseEvent>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/monitor/alerts/stream`, { headers: { ...(token ? { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, br' } : {}), ...(lastEventId ? { 'last-event-id': lastEventId } : {}) } }, (res) => {
      const events: SseEvent[] = [];
      const waiters: { match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const e: SseEvent = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) e.data += line.slice(6);
            else if (line.startsWith('id: ')) e.id = line.slice(4);
          }
          if (!block.split('\n').some((l) => l.startsWith('event: '))) continue; // comments, retry
          const w = waiters.findIndex((x) => x.match(e));
          if (w >= 0) waiters.splice(w, 1)[0]!.resolve(e);
          else events.push(e);
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type']),
        next: (match) => {
          const k = events.findIndex(match);
          if (k >= 0) return Promise.resolve(events.splice(k, 1)[0]!);
          return new Promise((r) => waiters.push({ match, resolve: r }));
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

async function push(source: { code: string; secret: string }, posts: unknown[]): Promise<number> {
  const body = JSON.stringify({ posts });
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${base}/api/monitor/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-minsheng-source': source.code, 'x-minsheng-timestamp': String(ts), 'x-minsheng-signature': signPush(source.secret, ts, body) },
    body,
  });
  return res.status;
}

describe('GET /api/monitor/alerts/stream', () => {
  it('refuses anonymous callers and roles that do not watch alerts', async () => {
    expect((await fetch(`${base}/api/monitor/alerts/stream`)).status).toBe(401);
    const dispatcher = await buildStaff(ctx, 'dispatcher');
    expect((await fetch(`${base}/api/monitor/alerts/stream`, { headers: { authorization: `Bearer ${dispatcher.token}` } })).status).toBe(403);
  });

  it('sends hello, then every alert a push raises to every open console, uncompressed, and status changes', async () => {
    const duty = await buildStaff(ctx, 'duty_officer');
    const leader = await buildStaff(ctx, 'leader');
    const consoles = [await openStream(duty.token), await openStream(leader.token)];
    for (const c of consoles) {
      expect(c.status).toBe(200);
      expect(c.contentType).toContain('text/event-stream');
      expect(JSON.parse((await c.next((e) => e.event === 'hello')).data).pingSeconds).toBe(15);
    }
    const source = await buildPushSource(ctx);
    const tag = uniqueTag();
    const postId = `sse-${tag}`;
    expect(await push(source, [samplePost({ platformPostId: postId, text: `颍州区${tag}讨薪工人扬言要跳楼，现场围了很多人。` })])).toBe(200);
    const isOurs = (e: SseEvent) => e.event === 'alert' && (JSON.parse(e.data) as AlertView).post.platformPostId === postId;
    const views = await Promise.all(consoles.map(async (c) => JSON.parse((await c.next(isOurs)).data) as AlertView));
    for (const v of views) {
      expect(v).toMatchObject({ level: 'red', status: 'open', reasons: ['敏感词：含敏感词“跳楼”'], story: { postCount: 1, regionCode: '341202' }, post: { platform: 'weibo', platformPostId: postId } });
      expect(v.post.negativity).toBeGreaterThan(0.5);
    }
    // The duty console changes the status in its own transaction and announces it.
    await withTransaction(ctx.pool, async (db) => {
      await db.query(`update alerts set status = 'handled', handled_at = now(), updated_at = now() where id = $1`, [views[0]!.id]);
      await notifyAlertChanged(db, views[0]!.id);
    });
    const changed = await consoles[0]!.next((e) => isOurs(e) && JSON.parse(e.data).status === 'handled');
    expect((JSON.parse(changed.data) as AlertView).id).toBe(views[0]!.id);
    for (const c of consoles) c.close();
    // A console that reconnects with the last event id it saw catches up on what changed since.
    const back = await openStream(duty.token, String(Date.parse(views[0]!.updatedAt) - 1));
    const caughtUp = JSON.parse((await back.next(isOurs)).data) as AlertView;
    expect(caughtUp.status).toBe('handled');
    back.close();
  });
});
