// 舆情 intake bench: the real server in-process (embedded PostgreSQL unless DATABASE_URL is set),
// two duty consoles on the live alert stream, and ≥ 50,000 posts pushed in signed batches of 500
// (real texts from sentiment-cn and TeddyCup messages; synthetic platforms, authors and engagement;
// re-arrivals with grown engagement; near-duplicate clusters that should become one story each;
// one "trigger" post per batch that must raise a red alert). Measures posts/s end to end (HTTP,
// scoring, matching, stories, alerts, commit) and, under that load, the latency from sending a
// trigger's batch to each console receiving its alert. Also counts alerts against stories (one
// alert per story) and the negativity model's held-back accuracy (as bench/monitor-score.ts).
// Run: npx tsx bench/monitor.ts [--posts N] [--batch N] [--concurrency N]   (about a minute)
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import pg from 'pg';
import { buildApp } from '../server/app';
import { CalendarStore } from '../server/calendar/store';
import type { AppContext } from '../server/context';
import { ensureDatabase, startEmbeddedPostgres } from '../server/db/embedded';
import { migrate } from '../server/db/migrate';
import { createPool } from '../server/db/pool';
import { buildStaff } from '../server/factories/people';
import { signPush } from '../server/monitor/ingest/signature';
import { parseCsvRecords } from '../server/monitor/negativity/csv';
import { loadSentimentCorpus, splitCorpus } from '../server/monitor/negativity/dataset';
import { evaluateAccuracy } from '../server/monitor/negativity/evaluate';
import { loadNegativityModel } from '../server/monitor/negativity/negativity-model';
import { seedMonitorDefaults } from '../server/monitor/seed';
import { insertSource } from '../server/repositories/monitor-sources';
import regionsData from '../server/seed/data/regions-341200.json';
import { seedReferenceData } from '../server/seed/reference';
import { outboxSmsSender } from '../server/sms/sender';
import { fileAttachmentStore } from '../server/storage/attachments';

const GOAL = { postsPerSec: 5000, alertP99Ms: 1000, negativityAccuracy: 0.88 };
const opts = new Command('bench-monitor')
  .option('--posts <n>', 'unique posts to push (re-arrivals come on top)', '50000')
  .option('--batch <n>', 'posts per request', '500')
  .option('--concurrency <n>', 'requests in flight', '3')
  .parse()
  .opts<{ posts: string; batch: string; concurrency: string }>();
const UNIQUE = Number(opts.posts);
const BATCH = Number(opts.batch);
const CONCURRENCY = Number(opts.concurrency);
const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const log = (s = ''): void => void process.stdout.write(`${s}\n`);

// ---- data ------------------------------------------------------------------------------------

let seed = 20240501;
/** Deterministic PRNG (mulberry32) so every run pushes the same posts. */
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const reviews = loadSentimentCorpus().map((p) => p.text);
const readMessages = (file: string): { title: string; text: string }[] =>
  parseCsvRecords(fs.readFileSync(path.join(DATA, 'teddycup2020-c', file), 'utf8'))
    .map((r) => ({ title: (r['留言主题'] ?? '').trim(), text: (r['留言详情'] ?? '').trim() }))
    .filter((m) => m.text.length >= 60);
// Ordinary posts and clusters use the hot-issue messages; triggers use other messages (the
// replies file) with distinct openings, so no other post is a near-duplicate of a trigger.
const messages = readMessages('attachment3_hot_issue_messages.csv');
const triggerTexts = [...new Map(readMessages('attachment4_messages_with_replies.csv').filter((m) => m.text.length >= 150).map((m) => [m.text.slice(0, 30), m.text])).values()];
const places = regionsData.counties.flatMap((c) => [c.name, ...c.towns.map((t) => `${c.name}${t.name}`)]);
const PLATFORMS = ['weibo', 'douyin', 'wechat', 'toutiao', 'kuaishou', 'bbs'];
const authors = Array.from({ length: 20000 }, (_, i) => ({ name: `网友${i}`, id: `u${i}`, followers: Math.floor(10 ** (rand() * rand() * 6.5)), verified: rand() < 0.01 }));

type Post = Record<string, unknown> & { platform: string; platformPostId: string };
const startedAt = Date.now();
const recent = (): string => new Date(startedAt - Math.floor(rand() * 6 * 3_600_000)).toISOString();
function engagement(scale = 1): Record<string, number> {
  const likes = Math.floor(rand() ** 4 * 400 * scale);
  return { likes, shares: Math.floor(likes * rand() * 0.3), comments: Math.floor(likes * rand() * 0.4), views: likes * 40 + Math.floor(rand() * 500) };
}
function post(text: string, extra: Record<string, unknown> = {}): Post {
  return { platform: pick(PLATFORMS), platformPostId: crypto.randomUUID(), author: pick(authors), text, publishedAt: recent(), engagement: engagement(), ...extra };
}

/** An ordinary post: a review or a message; 5 % name a 阜阳 place (relevant to the city). */
function ordinary(): Post {
  const m = rand() < 0.7 ? { title: undefined, text: pick(reviews) } : pick(messages);
  const text = rand() < 0.05 ? `${pick(places)}：${m.text}` : m.text;
  return post(text, m.title ? { title: m.title } : {});
}

const VARIANTS = [(t: string) => `转发：${t}`, (t: string) => `${t} #阜阳身边事#`, (t: string) => `${t}@阜阳发布 @阜阳12345`, (t: string) => `${t}！！！`, (t: string) => `${t}大家帮忙扩散`, (t: string) => t.replace(/，/, ' ')];
/** Near-duplicate clusters: reposts of one complaint about one place. */
function clusters(n: number, size: number): Post[][] {
  return Array.from({ length: n }, (_, c) => {
    const base = `${pick(places)}${pick(messages).text.slice(0, 120)}`;
    return Array.from({ length: size }, (_, k) => post(k === 0 ? base : pick(VARIANTS)(base), { platformPostId: `cl-${c}-${k}`, engagement: engagement(3) }));
  });
}

/** A trigger: a unique complaint naming a town and a sensitive word; must raise a new red alert. */
let triggers = 0;
function trigger(): Post {
  const text = triggerTexts[triggers % triggerTexts.length]!;
  return post(`${pick(places)}${triggers}号：有工人扬言要跳楼。${text.slice(0, 200)}`, { platformPostId: `trig-${triggers++}` });
}

/** The batches to push: unique posts interleaved with cluster members, re-arrivals and one trigger each. */
function buildBatches(): Post[][] {
  const clusterPosts = clusters(Math.round(UNIQUE / 200), 20);
  const pool: Post[] = [];
  const ordinaryCount = UNIQUE - clusterPosts.length * 20;
  for (let i = 0; i < ordinaryCount; i++) pool.push(ordinary());
  const flat = clusterPosts.flat();
  for (const p of flat) pool.splice(Math.floor(rand() * pool.length), 0, p);
  const batches: Post[][] = [];
  const sent: Post[] = [];
  for (let i = 0; i < pool.length; ) {
    const b: Post[] = [trigger()];
    while (b.length < BATCH && i < pool.length) {
      if (sent.length > 1000 && rand() < 0.1) {
        const old = sent[Math.floor(rand() * sent.length)]!;
        b.push({ ...old, engagement: engagement(5) });
      } else {
        b.push(pool[i]!);
        sent.push(pool[i++]!);
      }
    }
    batches.push(b);
  }
  return batches;
}

// ---- server ----------------------------------------------------------------------------------

async function openDatabase(): Promise<{ url: string; close: () => Promise<void>; kind: string }> {
  const name = `minsheng_bench_${Date.now().toString(36)}`;
  const maintenance = process.env.DATABASE_URL;
  if (maintenance) {
    const url = await ensureDatabase(maintenance, name);
    const drop = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: maintenance });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    };
    return { url, kind: 'a database of its own on DATABASE_URL', close: drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-pg-'));
  fs.chmodSync(dir, 0o755);
  const embedded = await startEmbeddedPostgres(path.join(dir, 'pg'));
  const url = await ensureDatabase(embedded.url, name);
  const stop = async (): Promise<void> => {
    await embedded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url, kind: 'embedded PostgreSQL 18', close: stop };
}

/** A duty console: one SSE connection recording when each trigger's alert first arrives. */
function openConsole(base: string, token: string, arrivals: Map<string, number>, counts: { alerts: number }): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/monitor/alerts/stream`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream: HTTP ${res.statusCode}`));
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buf += chunk;
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, end);
          buf = buf.slice(end + 2);
          if (frame.includes('event: hello')) resolve(() => req.destroy());
          const data = frame.startsWith('id:') && frame.includes('event: alert') ? frame.slice(frame.indexOf('data: ') + 6) : null;
          if (!data) continue;
          counts.alerts++;
          const id = /"platformPostId":"(trig-\d+)"/.exec(data)?.[1];
          if (id && !arrivals.has(id)) arrivals.set(id, at);
        }
      });
    });
    req.on('error', reject);
  });
}

function push(base: string, source: { code: string; secret: string }, body: string, agent: http.Agent): Promise<number> {
  const ts = String(Math.floor(Date.now() / 1000));
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/api/monitor/push`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-minsheng-source': source.code, 'x-minsheng-timestamp': ts, 'x-minsheng-signature': signPush(source.secret, ts, body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(res.statusCode) : reject(new Error(`push: HTTP ${res.statusCode} ${text.slice(0, 300)}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** CPU seconds used so far by this database's PostgreSQL backends (same machine; /proc). */
async function backendCpuSeconds(pool: ReturnType<typeof createPool>): Promise<Map<number, number>> {
  const pids = (await pool.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()')).rows.map((r) => r.pid);
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // not on this machine, or gone
    }
  }
  return out;
}

const percentile = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))] ?? NaN;

async function main(): Promise<void> {
  const t0 = performance.now();
  const batches = buildBatches();
  const warmup = [Array.from({ length: BATCH }, ordinary), Array.from({ length: BATCH }, ordinary)];
  const bodies = batches.map((b) => JSON.stringify({ posts: b }));
  const totalPosts = batches.reduce((n, b) => n + b.length, 0);
  log(`data: ${reviews.length} reviews, ${messages.length + triggerTexts.length} messages → ${batches.length} batches, ${totalPosts} posts (${triggers} triggers), built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const db = await openDatabase();
  const pool = createPool(db.url, 10);
  await migrate(pool);
  await seedReferenceData(pool);
  await seedMonitorDefaults(pool);
  const ctx: AppContext = { pool, calendar: new CalendarStore(), sms: outboxSmsSender(() => undefined), attachments: fileAttachmentStore(path.join(os.tmpdir(), 'minsheng-bench-att')), now: () => new Date(), secureCookies: false };
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const source = { id: crypto.randomUUID(), code: 'bench-push', secret: crypto.randomBytes(24).toString('hex') };
  await insertSource(pool, source.id, { code: source.code, name: 'bench', kind: 'push', platform: null, feedUrl: null, pollSeconds: 300, isActive: true }, source.secret);
  log(`server: ${base} on ${db.kind}; ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  const consoles = await Promise.all([0, 1].map(async () => {
    const arrivals = new Map<string, number>();
    const counts = { alerts: 0 };
    const close = await openConsole(base, (await buildStaff(ctx, 'duty_officer')).token, arrivals, counts);
    return { arrivals, counts, close };
  }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  for (const b of warmup) await push(base, source, JSON.stringify({ posts: b }), agent);

  const sentAt = new Map<string, number>();
  let next = 0;
  const pg0 = await backendCpuSeconds(pool);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < batches.length) {
      const k = next++;
      const at = performance.now();
      for (const p of batches[k]!) if (p.platformPostId.startsWith('trig-')) sentAt.set(p.platformPostId, at);
      await push(base, source, bodies[k]!, agent);
    }
  }));
  const seconds = (performance.now() - start) / 1000;

  const cpu = process.cpuUsage(cpu0);
  const pg1 = await backendCpuSeconds(pool);
  const pgCpu = [...pg1].reduce((n, [pid, t]) => n + t - (pg0.get(pid) ?? 0), 0);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  const postsPerSec = Math.round(totalPosts / seconds);
  const deadline = performance.now() + 5000;
  while (performance.now() < deadline && consoles.some((c) => c.arrivals.size < sentAt.size)) await new Promise((r) => setTimeout(r, 50));

  const latencies: number[] = [];
  let missing = 0;
  for (const c of consoles) {
    for (const [id, sent] of sentAt) {
      const got = c.arrivals.get(id);
      if (got === undefined) missing++;
      else latencies.push(got - sent);
    }
  }
  latencies.sort((a, b) => a - b);
  const lost = [...sentAt.keys()].filter((id) => consoles.some((c) => !c.arrivals.has(id))).slice(0, 5);
  if (lost.length > 0) {
    const why = await pool.query(
      `select p.platform_post_id as id, s.post_count, (select json_agg(json_build_object('status', a.status, 'level', a.level, 'byThisPost', a.post_id = p.id)) from alerts a where a.story_id = s.id) as alerts
         from posts p join stories s on s.id = p.story_id where p.platform_post_id = any($1)`,
      [lost],
    );
    for (const r of why.rows) log(`missing trigger ${r.id}: story of ${r.post_count} posts, alerts ${JSON.stringify(r.alerts)}`);
  }
  const q = async (sql: string): Promise<number> => Number((await pool.query(sql)).rows[0].n);
  const stats = {
    posts: await q('select count(*) as n from posts'),
    observations: await q('select count(*) as n from post_engagement'),
    stories: await q('select count(*) as n from stories'),
    multiPostStories: await q('select count(*) as n from stories where post_count > 1'),
    alerts: await q('select count(*) as n from alerts'),
    maxAlertsPerStory: await q('select coalesce(max(c), 0) as n from (select count(*) as c from alerts group by story_id) x'),
    clusterStories: await q(`select count(distinct story_id) as n from posts where platform_post_id like 'cl-%'`),
    clusterAlerts: await q(`select count(*) as n from alerts where story_id in (select story_id from posts where platform_post_id like 'cl-%')`),
    clusters: Math.round(UNIQUE / 200),
  };
  for (const c of consoles) c.close();
  await app.close();
  await pool.end();
  await db.close();

  const { heldBack } = splitCorpus(loadSentimentCorpus());
  const negativityAccuracy = evaluateAccuracy(loadNegativityModel(), heldBack).accuracy.overall ?? 0;

  const ms = (x: number): string => `${x.toFixed(0)} ms`;
  log(`\nthroughput: ${totalPosts} posts in ${seconds.toFixed(1)} s = ${postsPerSec} posts/s (batches of ${BATCH}, ${CONCURRENCY} in flight)`);
  const perK = (x: number): string => ((x / totalPosts) * 1000).toFixed(3);
  log(`CPU: server+clients ${nodeCpu.toFixed(1)} s (${perK(nodeCpu)} s per 1000 posts), PostgreSQL backends ${pgCpu.toFixed(1)} s (${perK(pgCpu)} s per 1000 posts); on ${os.cpus().length} idle cores that is about ${Math.round((os.cpus().length / (nodeCpu + pgCpu)) * totalPosts)} posts/s; load average now ${os.loadavg()[0]!.toFixed(2)}`);
  log(`stored: ${stats.posts} posts, ${stats.observations} engagement observations, ${stats.stories} stories (${stats.multiPostStories} with several posts)`);
  log(`alert latency, trigger batch sent → console received (${latencies.length} samples, 2 consoles, ${missing} missing): p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? NaN)}`);
  log(`alerts: ${stats.alerts} in all, at most ${stats.maxAlertsPerStory} per story; ${stats.clusters} near-duplicate clusters × 20 posts → ${stats.clusterStories} stories → ${stats.clusterAlerts} alerts; each console received ${consoles.map((c) => c.counts.alerts).join(' / ')} alert events`);
  log(`negativity: held-back accuracy ${negativityAccuracy.toFixed(4)} (${heldBack.length} reviews)`);
  const alertP99Ms = Math.round(percentile(latencies, 99));
  const ok = postsPerSec >= GOAL.postsPerSec && alertP99Ms < GOAL.alertP99Ms && missing === 0 && negativityAccuracy >= GOAL.negativityAccuracy;
  log(JSON.stringify({ bench: 'monitor', postsPerSec, alertP99Ms, negativityAccuracy, cpuSecondsPer1000Posts: +(((nodeCpu + pgCpu) / totalPosts) * 1000).toFixed(3), alertP50Ms: Math.round(percentile(latencies, 50)), missingAlerts: missing, stories: stats.stories, alerts: stats.alerts, maxAlertsPerStory: stats.maxAlertsPerStory, ok, goal: GOAL }));
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
