// The feed poller (RSS/Atom 轮询): the `poll_feeds` job (every minute, see jobs/worker.ts) claims
// the feeds whose poll interval has passed, fetches each with a conditional GET (ETag /
// Last-Modified, so an unchanged feed costs a 304), and ingests the items through the same
// pipeline as the push API. Errors are recorded on the source (last_error) and never thrown:
// one broken feed must not stop the others, nor the worker.
import type { AppContext } from '../../context';
import { claimDueFeeds, recordPoll, type DueFeed } from '../../repositories/monitor-sources';
import { AppError } from '../../errors';
import { ingestPosts } from '../ingest/pipeline';
import { validatePost, type Located } from '../ingest/validate';
import { parseFeed } from './parse';

const FETCH_TIMEOUT_MS = 15_000;
const MAX_FEED_BYTES = 10 * 1024 * 1024;
const CONCURRENCY = 4;

/** What one poll did. */
export interface PollReport {
  code: string;
  outcome: 'ingested' | 'not_modified' | 'failed';
  items?: number;
  created?: number;
  skipped?: number;
  error?: string;
}

async function fetchFeed(feed: DueFeed): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
    'user-agent': 'Minsheng-FeedPoller/1.0',
  };
  if (feed.etag) headers['if-none-match'] = feed.etag;
  if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
  return fetch(feed.feedUrl, { headers, redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
}

/** Valid items only: a feed's bad item is skipped (and reported), not a reason to drop the rest. */
function validItems(raws: Record<string, unknown>[], now: Date): { items: Located[]; skipped: string[] } {
  const items: Located[] = [];
  const skipped: string[] = [];
  raws.forEach((value, index) => {
    const at = { value, where: `item ${index + 1}`, index };
    try {
      validatePost(at, now);
      items.push(at);
    } catch (err) {
      skipped.push(err instanceof AppError ? err.message : String(err));
    }
  });
  return { items, skipped };
}

/** Polls one feed; records the outcome on the source and never throws. */
export async function pollFeed(ctx: AppContext, feed: DueFeed): Promise<PollReport> {
  try {
    const res = await fetchFeed(feed);
    if (res.status === 304) {
      await recordPoll(ctx.pool, feed.id, { error: null });
      return { code: feed.code, outcome: 'not_modified' };
    }
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
    if (Number(res.headers.get('content-length') ?? 0) > MAX_FEED_BYTES) throw new Error(`feed larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
    const xml = await res.text();
    if (Buffer.byteLength(xml) > MAX_FEED_BYTES) throw new Error(`feed larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
    const now = ctx.now();
    const { items, skipped } = validItems(parseFeed(xml, feed.platform ?? 'rss', now), now);
    const result = items.length > 0 ? await ingestPosts(ctx, feed.id, items) : null;
    const error = skipped.length > 0 ? `skipped ${skipped.length} item(s): ${skipped[0]}` : null;
    await recordPoll(ctx.pool, feed.id, { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified'), error });
    return { code: feed.code, outcome: 'ingested', items: items.length, created: result?.created ?? 0, skipped: skipped.length };
  } catch (err) {
    const error = (err as Error).message || String(err);
    await recordPoll(ctx.pool, feed.id, { error: error.slice(0, 1000) }).catch(() => undefined);
    return { code: feed.code, outcome: 'failed', error };
  }
}

/** Polls every due feed, a few at a time; the `poll_feeds` job. */
export async function pollFeeds(ctx: AppContext): Promise<PollReport[]> {
  const due = await claimDueFeeds(ctx.pool, ctx.now());
  const reports: PollReport[] = [];
  for (let i = 0; i < due.length; i += CONCURRENCY) {
    reports.push(...(await Promise.all(due.slice(i, i + CONCURRENCY).map((f) => pollFeed(ctx, f)))));
  }
  return reports;
}
