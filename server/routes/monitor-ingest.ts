import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../shared/domain';
import type { AppContext } from '../context';
import { AppError, invalid, notFound, unauthenticated } from '../errors';
import { AlertHub } from '../monitor/alerts/hub';
import { ALERT_LEVELS, RULE_KINDS, RULE_PARAMS, type RuleKind } from '../monitor/alerts/rules';
import { IMPORT_FORMATS } from '../monitor/ingest/formats';
import { importPostsFile } from '../monitor/ingest/import';
import { ingestPosts } from '../monitor/ingest/pipeline';
import { checkPushSignature, newPushSecret } from '../monitor/ingest/signature';
import { MAX_PUSH_POSTS, type Located } from '../monitor/ingest/validate';
import { findRule, insertRule, listRules, updateRule } from '../repositories/monitor-rules';
import { findSource, findSourceByCode, insertSource, listSources, setSourceSecret, SOURCE_KINDS, updateSource } from '../repositories/monitor-sources';
import { MONITOR_READERS, requireMonitorRole } from './monitor-duty';

/** Largest pushed batch body (bytes); larger gets 413. */
export const PUSH_BODY_LIMIT = 4 * 1024 * 1024;
/** Largest import file (bytes). */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const IMPORT_ROLES: readonly Role[] = ['duty_officer', 'admin'];

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Checks a push's source and signature; 401 (and nothing written) unless all is well. */
async function authenticatePush(ctx: AppContext, req: FastifyRequest, body: Buffer): Promise<string> {
  const code = header(req, 'x-minsheng-source');
  if (!code) throw unauthenticated('X-Minsheng-Source missing');
  const source = await findSourceByCode(ctx.pool, code);
  if (!source || source.kind !== 'push' || !source.secret) throw unauthenticated(`unknown push source ${code}`);
  if (!source.isActive) throw unauthenticated(`source ${code} is inactive`);
  const why = checkPushSignature(source.secret, header(req, 'x-minsheng-timestamp'), header(req, 'x-minsheng-signature'), body, ctx.now());
  if (why) throw unauthenticated(why);
  return source.id;
}

/** The posts of a pushed body ({"posts": [...]}), located by index. */
function pushedPosts(body: Buffer): Located[] {
  let doc: unknown;
  try {
    doc = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw invalid('body', `invalid JSON (${(err as Error).message})`);
  }
  const posts = typeof doc === 'object' && doc !== null ? (doc as { posts?: unknown }).posts : undefined;
  if (!Array.isArray(posts)) throw invalid('body.posts', 'expected an array of posts');
  if (posts.length === 0) throw invalid('body.posts', 'empty batch');
  if (posts.length > MAX_PUSH_POSTS) throw invalid('body.posts', `at most ${MAX_PUSH_POSTS} posts per batch, got ${posts.length}`);
  return posts.map((value, index) => ({ value, where: `posts[${index}]`, index }));
}

const SourceCode = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{1,49}$/, 'lower-case letters, digits, - and _, 2–50 characters');
const FeedUrl = z.url({ protocol: /^https?$/ }).max(2000);
const SourceName = z.string().trim().min(1).max(100);
const Platform = z.string().trim().min(1).max(32).nullable();
const PollSeconds = z.number().int().min(10).max(86_400);
const SourceCreate = z
  .object({
    code: SourceCode,
    name: SourceName,
    kind: z.enum(SOURCE_KINDS),
    platform: Platform.default(null),
    feedUrl: FeedUrl.nullable().default(null),
    pollSeconds: PollSeconds.default(300),
    isActive: z.boolean().default(true),
  })
  .strict();
// No defaults here: a field left out of a PATCH keeps its value.
const SourcePatch = z.object({ name: SourceName, platform: Platform, feedUrl: FeedUrl.nullable(), pollSeconds: PollSeconds, isActive: z.boolean() }).partial().strict();
const IdParams = z.object({ id: z.uuid() });

const RuleName = z.string().trim().min(1).max(100);
const RuleParamsInput = z.record(z.string(), z.unknown());
const RuleCreate = z
  .object({ name: RuleName, kind: z.enum(RULE_KINDS), level: z.enum(ALERT_LEVELS), params: RuleParamsInput.default({}), isActive: z.boolean().default(true) })
  .strict();
const RulePatch = z.object({ name: RuleName, level: z.enum(ALERT_LEVELS), params: RuleParamsInput, isActive: z.boolean() }).partial().strict();

/** Params checked against the rule kind's schema; 400 naming the param. */
function ruleParams(kind: RuleKind, params: Record<string, unknown>): Record<string, unknown> {
  const parsed = RULE_PARAMS[kind].safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(['body.params', ...issue.path.map(String)].join('.'), issue.message);
  }
  return parsed.data as Record<string, unknown>;
}

/** 舆情 intake: push API (HMAC), file import, sources, alert rules, the live alert stream (SSE). */
export async function monitorIngestRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const hub = new AlertHub(ctx.pool, (err) => root.log.warn({ err }, 'alert stream'));
  root.addHook('preClose', async () => hub.close());

  // Push and import sign or carry raw bytes: this child context keeps bodies as Buffers (the
  // exact signed bytes) whatever their content type; other routes keep the JSON parser.
  await root.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const app = raw.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/monitor/push',
      {
        bodyLimit: PUSH_BODY_LIMIT,
        schema: {
          tags: ['monitor'],
          summary: 'Push a signed batch of posts',
          description:
            'Headers X-Minsheng-Source, X-Minsheng-Timestamp (unix seconds, ±300 s) and X-Minsheng-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>. ' +
            `Body {"posts": [...]}, at most ${MAX_PUSH_POSTS} posts and ${PUSH_BODY_LIMIT / 1024 / 1024} MB. All or nothing: a bad post gets 400 naming posts[i] and the field.`,
        },
      },
      async (req) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const sourceId = await authenticatePush(ctx, req, body);
        const r = await ingestPosts(ctx, sourceId, pushedPosts(body));
        return { data: { received: r.received, created: r.created, updated: r.updated, alerts: r.alertIds.length } };
      },
    );

    app.post(
      '/api/monitor/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['monitor'],
          summary: 'Import a file of posts (CSV, JSON or JSON Lines) for a source (admin, duty officer)',
          description: 'The body is the file itself. All or nothing: a bad record gets 400 naming its line and field, and nothing is imported.',
          querystring: z.object({ source: SourceCode, format: z.enum(IMPORT_FORMATS).optional() }).strict(),
        },
      },
      async (req) => {
        requireMonitorRole(req, IMPORT_ROLES);
        const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
        const r = await importPostsFile(ctx, req.query.source, text, req.query.format ?? null, header(req, 'content-type'));
        return { data: { received: r.received, created: r.created, updated: r.updated, alerts: r.alertIds.length } };
      },
    );
  });

  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/monitor/alerts/stream', { schema: { tags: ['monitor'], summary: 'Live alerts (Server-Sent Events: hello, alert, ping)' } }, async (req, reply) => {
    requireMonitorRole(req, MONITOR_READERS);
    reply.hijack();
    try {
      await hub.open(reply.raw, header(req, 'last-event-id'));
    } catch (err) {
      req.log.error(err);
      if (reply.raw.headersSent) return void reply.raw.end();
      reply.raw.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
      reply.raw.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'alert stream unavailable' } }));
    }
  });

  app.get('/api/monitor/sources', { schema: { tags: ['monitor'], summary: 'Monitoring sources (admin, duty officer)' } }, async (req) => {
    requireMonitorRole(req, IMPORT_ROLES);
    return { data: await listSources(ctx.pool) };
  });

  app.post('/api/monitor/sources', { schema: { tags: ['monitor'], summary: 'Add a source (admin); a push source’s secret is shown once', body: SourceCreate } }, async (req, reply) => {
    requireMonitorRole(req, ['admin']);
    const b = req.body;
    if (b.kind === 'feed' && !b.feedUrl) throw invalid('body.feedUrl', 'required for a feed source');
    const id = crypto.randomUUID();
    const secret = b.kind === 'push' ? newPushSecret() : null;
    if (!(await insertSource(ctx.pool, id, b, secret))) throw new AppError(409, 'CONFLICT', `source code ${b.code} is taken`);
    return reply.status(201).send({ data: { ...(await findSource(ctx.pool, id))!, ...(secret ? { secret } : {}) } });
  });

  app.patch('/api/monitor/sources/:id', { schema: { tags: ['monitor'], summary: 'Change a source (admin)', params: IdParams, body: SourcePatch } }, async (req) => {
    requireMonitorRole(req, ['admin']);
    const current = await findSource(ctx.pool, req.params.id);
    if (!current) throw notFound('source');
    if (current.kind === 'feed' && req.body.feedUrl === null) throw invalid('body.feedUrl', 'a feed source needs a URL');
    await updateSource(ctx.pool, req.params.id, req.body);
    return { data: await findSource(ctx.pool, req.params.id) };
  });

  app.post('/api/monitor/sources/:id/rotate-secret', { schema: { tags: ['monitor'], summary: 'New secret for a push source (admin); shown once', params: IdParams } }, async (req) => {
    requireMonitorRole(req, ['admin']);
    const current = await findSource(ctx.pool, req.params.id);
    if (!current) throw notFound('source');
    if (current.kind !== 'push') throw invalid('id', 'only push sources have a secret');
    const secret = newPushSecret();
    await setSourceSecret(ctx.pool, req.params.id, secret);
    return { data: { ...(await findSource(ctx.pool, req.params.id))!, secret } };
  });

  app.get('/api/monitor/rules', { schema: { tags: ['monitor'], summary: 'Alert rules' } }, async (req) => {
    requireMonitorRole(req, MONITOR_READERS);
    return { data: await listRules(ctx.pool) };
  });

  app.post('/api/monitor/rules', { schema: { tags: ['monitor'], summary: 'Add an alert rule (admin)', body: RuleCreate } }, async (req, reply) => {
    requireMonitorRole(req, ['admin']);
    const b = req.body;
    const id = crypto.randomUUID();
    await insertRule(ctx.pool, { id, name: b.name, kind: b.kind, level: b.level, params: ruleParams(b.kind, b.params), isActive: b.isActive }, ctx.now());
    return reply.status(201).send({ data: await findRule(ctx.pool, id) });
  });

  app.patch('/api/monitor/rules/:id', { schema: { tags: ['monitor'], summary: 'Change an alert rule (admin)', params: IdParams, body: RulePatch } }, async (req) => {
    requireMonitorRole(req, ['admin']);
    const current = await findRule(ctx.pool, req.params.id);
    if (!current) throw notFound('rule');
    const params = req.body.params ? ruleParams(current.kind, req.body.params) : undefined;
    await updateRule(ctx.pool, req.params.id, { ...req.body, params }, ctx.now());
    return { data: await findRule(ctx.pool, req.params.id) };
  });
}
