// Monitoring sources (数据源): push clients, polled feeds, file imports.
import type { Queryable } from '../db/pool';

export const SOURCE_KINDS = ['push', 'feed', 'import'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A source as admins see it: the secret itself never leaves after create/rotate. */
export interface MonitorSource {
  id: string;
  code: string;
  name: string;
  kind: SourceKind;
  platform: string | null;
  feedUrl: string | null;
  pollSeconds: number;
  isActive: boolean;
  hasSecret: boolean;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

const COLUMNS = `id, code, name, kind, platform, feed_url as "feedUrl", poll_seconds as "pollSeconds", is_active as "isActive",
  secret is not null as "hasSecret", etag, last_modified as "lastModified", last_polled_at as "lastPolledAt", last_error as "lastError", created_at as "createdAt"`;

/** Every source, by code. */
export async function listSources(db: Queryable): Promise<MonitorSource[]> {
  return (await db.query<MonitorSource>(`select ${COLUMNS} from monitor_sources order by code`)).rows;
}

/** A source by id. */
export async function findSource(db: Queryable, id: string): Promise<MonitorSource | null> {
  return (await db.query<MonitorSource>(`select ${COLUMNS} from monitor_sources where id = $1`, [id])).rows[0] ?? null;
}

/** A source by code, with its secret (for checking push signatures). */
export async function findSourceByCode(db: Queryable, code: string): Promise<(MonitorSource & { secret: string | null }) | null> {
  const res = await db.query<MonitorSource & { secret: string | null }>(`select ${COLUMNS}, secret from monitor_sources where code = $1`, [code]);
  return res.rows[0] ?? null;
}

/** Fields an admin sets on a source. */
export interface SourceInput {
  code: string;
  name: string;
  kind: SourceKind;
  platform: string | null;
  feedUrl: string | null;
  pollSeconds: number;
  isActive: boolean;
}

/** Creates a source; false when the code is taken. */
export async function insertSource(db: Queryable, id: string, s: SourceInput, secret: string | null): Promise<boolean> {
  const res = await db.query(
    `insert into monitor_sources (id, code, name, kind, platform, feed_url, poll_seconds, is_active, secret)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (code) do nothing`,
    [id, s.code, s.name, s.kind, s.platform, s.feedUrl, s.pollSeconds, s.isActive, secret],
  );
  return (res.rowCount ?? 0) > 0;
}

/** Changes some fields of a source; false when it does not exist. */
export async function updateSource(db: Queryable, id: string, patch: Partial<Omit<SourceInput, 'code' | 'kind'>>): Promise<boolean> {
  const res = await db.query(
    `update monitor_sources set name = coalesce($2, name), platform = case when $3 then $4 else platform end,
            feed_url = case when $5 then $6 else feed_url end, poll_seconds = coalesce($7, poll_seconds), is_active = coalesce($8, is_active)
      where id = $1`,
    [id, patch.name ?? null, patch.platform !== undefined, patch.platform ?? null, patch.feedUrl !== undefined, patch.feedUrl ?? null, patch.pollSeconds ?? null, patch.isActive ?? null],
  );
  return (res.rowCount ?? 0) > 0;
}

/** Replaces a source's secret; false when it does not exist. */
export async function setSourceSecret(db: Queryable, id: string, secret: string): Promise<boolean> {
  const res = await db.query('update monitor_sources set secret = $2 where id = $1', [id, secret]);
  return (res.rowCount ?? 0) > 0;
}

/** A feed due for polling, claimed for this poller. */
export interface DueFeed {
  id: string;
  code: string;
  platform: string | null;
  feedUrl: string;
  etag: string | null;
  lastModified: string | null;
}

/**
 * Claims the active feeds whose poll interval has passed by stamping last_polled_at, skipping rows
 * another node is claiming right now, so two pollers never fetch the same feed at once.
 */
export async function claimDueFeeds(db: Queryable, now: Date): Promise<DueFeed[]> {
  const res = await db.query<DueFeed>(
    `update monitor_sources s set last_polled_at = $1::timestamptz
       from (select id from monitor_sources
              where kind = 'feed' and is_active and feed_url is not null
                and (last_polled_at is null or last_polled_at <= $1::timestamptz - make_interval(secs => poll_seconds))
              for update skip locked) due
      where s.id = due.id
      returning s.id, s.code, s.platform, s.feed_url as "feedUrl", s.etag, s.last_modified as "lastModified"`,
    [now],
  );
  return res.rows;
}

/** Records the outcome of a poll: validators for the next conditional GET, or the error. */
export async function recordPoll(db: Queryable, id: string, outcome: { etag?: string | null; lastModified?: string | null; error: string | null }): Promise<void> {
  await db.query(
    `update monitor_sources set etag = case when $2 then $3 else etag end, last_modified = case when $2 then $4 else last_modified end, last_error = $5 where id = $1`,
    [id, outcome.etag !== undefined || outcome.lastModified !== undefined, outcome.etag ?? null, outcome.lastModified ?? null, outcome.error],
  );
}
