// Builders shared by the monitoring tests (and usable by other engineers' tests): a push source
// with a known secret, a valid post, and a signed push through the HTTP app.
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { insertSource } from '../../repositories/monitor-sources';
import { signPush } from './signature';

/** A push source as a test knows it. */
export interface TestPushSource {
  id: string;
  code: string;
  secret: string;
}

/** Creates an active push source with a random code and secret. */
export async function buildPushSource(ctx: AppContext, opts: { isActive?: boolean; kind?: 'push' | 'feed' | 'import'; platform?: string | null } = {}): Promise<TestPushSource> {
  const id = crypto.randomUUID();
  const code = `src-${id.slice(0, 8)}`;
  const secret = crypto.randomBytes(16).toString('hex');
  await insertSource(ctx.pool, id, { code, name: `测试源${code}`, kind: opts.kind ?? 'push', platform: opts.platform ?? null, feedUrl: null, pollSeconds: 300, isActive: opts.isActive ?? true }, secret);
  return { id, code, secret };
}

/** A unique tag for a test's post ids, so parallel test files never collide. */
export function uniqueTag(): string {
  return crypto.randomUUID().slice(0, 8);
}

/** A valid post in the push contract's shape. */
export function samplePost(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    platform: 'weibo',
    platformPostId: `p-${crypto.randomUUID()}`,
    author: { name: '网友甲', id: `u-${crypto.randomUUID().slice(0, 8)}`, followers: 120, verified: false },
    text: '小区门口的路灯坏了好几天了，晚上出行很不方便。',
    publishedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    engagement: { likes: 3, shares: 0, comments: 1, views: 200 },
    ...overrides,
  };
}

/** Sends a signed push (override headers or timestamp to test refusals). */
export async function pushSigned(
  app: FastifyInstance,
  source: { code: string; secret: string },
  body: unknown,
  opts: { timestamp?: number; headers?: Record<string, string>; signature?: string } = {},
): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const res = await app.inject({
    method: 'POST',
    url: '/api/monitor/push',
    headers: {
      'content-type': 'application/json',
      'x-minsheng-source': source.code,
      'x-minsheng-timestamp': ts,
      'x-minsheng-signature': opts.signature ?? signPush(source.secret, ts, raw),
      ...opts.headers,
    },
    payload: raw,
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}
