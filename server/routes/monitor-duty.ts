import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS, type Role } from '../../shared/domain';
import { requireStaff } from '../app';
import type { StaffPrincipal } from '../auth/principal';
import { dispatchPost } from '../commands/dispatch-post';
import type { AppContext } from '../context';
import { withTransaction } from '../db/pool';
import { AppError, forbidden, invalid, notFound } from '../errors';
import { notifyAlertChanged } from '../monitor/alerts/notify';
import { briefRoutes } from '../monitor/briefs/routes';
import { compileScheme, MAX_SCHEME_LENGTH, normalizeText, parseScheme, schemeHits, schemeTerms, SchemeSyntaxError, type Scheme } from '../monitor/schemes';
import { presentAlert, presentPost } from '../presenters/monitor';
import { findRegion } from '../repositories/reference';
import { currentShiftOf, deleteShift, findShift, insertHandover, insertShift, isDutyOfficer, listDutyOfficers, listHandovers, listShifts, lockAndFindOverlap, shiftsAround } from '../repositories/duty-roster';
import {
  ALERT_LEVELS,
  ALERT_STATUSES,
  alertCounts,
  findAlert,
  findDispatch,
  findPost,
  findStory,
  listAlerts,
  markAlert,
  postEngagement,
  recentPosts,
  findScheme,
  insertScheme,
  listSchemes,
  updateScheme,
  storyAlerts,
  storyDispatches,
  storyEngagement,
  storyPosts,
} from '../repositories/monitor-duty';

/** Who reads the console's data (alerts, posts, stories, briefs, the loop): city-level roles only. */
export const MONITOR_READERS: readonly Role[] = ['duty_officer', 'admin', 'leader', 'supervisor'];

/**
 * A city-level staff member with one of `roles`. Unit users get 403 on lists and 404 on single
 * resources (`isSingle`), as with appeals they may not see.
 */
export function requireMonitorRole(req: FastifyRequest, roles: readonly Role[], isSingle = false): StaffPrincipal {
  const p = requireStaff(req);
  if (p.unit !== null && isSingle) throw notFound('resource');
  if (p.unit !== null || !roles.includes(p.role)) throw forbidden(`舆情监测仅限${roles.join('/')}使用`);
  return p;
}

const bigintId = z.string().regex(/^\d{1,18}$/, '编号应为数字');
const note = z.string().trim().max(LIMITS.reasonMax).optional();
const instant = z.iso.datetime({ offset: true });

const PREVIEW_SHOWN = 100;
const regionCode = z.string().regex(/^\d{6,12}$/, '区划代码为6–12位数字');
const SchemeBody = z
  .object({
    name: z.string().trim().min(1, '请填写方案名称').max(50),
    topic: z.string().trim().min(1, '请填写主题').max(50),
    regionCode: regionCode.optional(),
    expression: z.string().max(MAX_SCHEME_LENGTH + 1),
    isActive: z.boolean().default(true),
  })
  .strict();

/** Whether the principal is an admin or the lead duty officer of the shift running now. */
async function mayEditRoster(ctx: AppContext, p: StaffPrincipal): Promise<boolean> {
  if (p.role === 'admin') return true;
  if (p.role !== 'duty_officer') return false;
  return (await currentShiftOf(ctx.pool, p.userId, ctx.now()))?.isLead ?? false;
}

/** The duty console: alerts, posts, stories, dispatch as appeal, roster and handovers (schemes, briefs and the loop alongside). */
export async function monitorDutyRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitor'];

  app.get(
    '/api/monitor/alerts',
    {
      schema: {
        tags,
        summary: 'The alert queue, newest first',
        querystring: z.object({ status: z.enum([...ALERT_STATUSES, 'all']).default('open'), level: z.enum(ALERT_LEVELS).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
      },
    },
    async (req) => {
      requireMonitorRole(req, MONITOR_READERS);
      return { data: (await listAlerts(ctx.pool, req.query)).map(presentAlert) };
    },
  );
  app.get('/api/monitor/alerts/counts', { schema: { tags, summary: 'Open alerts per level and today’s marks' } }, async (req) => {
    requireMonitorRole(req, MONITOR_READERS);
    return { data: await alertCounts(ctx.pool, ctx.now()) };
  });
  app.get('/api/monitor/alerts/:id', { schema: { tags, summary: 'One alert', params: z.object({ id: bigintId }) } }, async (req) => {
    requireMonitorRole(req, MONITOR_READERS, true);
    const row = await findAlert(ctx.pool, req.params.id);
    if (!row) throw notFound('alert');
    return { data: { ...presentAlert(row), note: row.note, handledAt: row.handled_at } };
  });
  app.post(
    '/api/monitor/alerts/:id/handle',
    {
      schema: {
        tags,
        summary: '已处置 / 无关 — close an open alert (the mark teaches the alert rules)',
        params: z.object({ id: bigintId }),
        body: z.object({ outcome: z.enum(['handled', 'irrelevant']), note }).strict(),
      },
    },
    async (req) => {
      const p = requireMonitorRole(req, ['duty_officer'], true);
      const row = await withTransaction(ctx.pool, async (db) => {
        const alert = await findAlert(db, req.params.id, true);
        if (!alert) throw notFound('alert');
        if (!(await markAlert(db, req.params.id, { status: req.body.outcome, note: req.body.note || null, userId: p.userId, at: ctx.now() }))) {
          throw new AppError(409, 'CONFLICT', `the alert is already ${alert.status}`, { status: alert.status });
        }
        await notifyAlertChanged(db, req.params.id);
        return findAlert(db, req.params.id);
      });
      if (!row) throw notFound('alert');
      return { data: presentAlert(row) };
    },
  );
  app.get('/api/monitor/posts/:id', { schema: { tags, summary: 'A post with its engagement series, its story and its dispatch', params: z.object({ id: bigintId }) } }, async (req) => {
    requireMonitorRole(req, MONITOR_READERS, true);
    const post = await findPost(ctx.pool, req.params.id);
    if (!post) throw notFound('post');
    const [engagement, story, dispatch] = await Promise.all([
      postEngagement(ctx.pool, req.params.id),
      post.story_id === null ? null : findStory(ctx.pool, String(post.story_id)),
      findDispatch(ctx.pool, req.params.id),
    ]);
    return { data: { ...presentPost(post), engagement, story, dispatch } };
  });
  app.post(
    '/api/monitor/posts/:id/dispatch',
    {
      schema: {
        tags,
        summary: '转为诉求 — turn a post into an appeal assigned to the proposed (or chosen) unit; repeated, returns the same appeal',
        params: z.object({ id: bigintId }),
        body: z
          .object({
            alertId: bigintId.optional(),
            unitId: z.uuid().optional(),
            categoryCode: z.string().min(1).max(50).optional(),
            title: z.string().trim().min(1, '标题不能为空').max(LIMITS.titleMax).optional(),
            note,
          })
          .strict(),
      },
    },
    async (req, reply) => {
      const p = requireMonitorRole(req, ['duty_officer'], true);
      const r = await dispatchPost(ctx, p, req.params.id, req.body);
      const data = {
        appealId: r.appeal.id,
        trackingCode: r.appeal.trackingCode,
        status: r.appeal.status,
        leadUnitId: r.appeal.leadUnitId,
        categoryCode: r.appeal.categoryCode,
        timeLimitClass: r.appeal.timeLimitClass,
        clockStartedAt: r.appeal.clockStartedAt,
        dueAt: r.appeal.dueAt,
        isNew: r.isNew,
        alertId: r.alertId,
        postedAt: r.postedAt,
        detectedAt: r.detectedAt,
        dispatchedAt: r.dispatchedAt,
      };
      return reply.status(r.isNew ? 201 : 200).send({ data });
    },
  );
  app.get('/api/monitor/stories/:id', { schema: { tags, summary: 'A story with its posts, engagement totals over time, alerts and dispatches', params: z.object({ id: bigintId }) } }, async (req) => {
    requireMonitorRole(req, MONITOR_READERS, true);
    const story = await findStory(ctx.pool, req.params.id);
    if (!story) throw notFound('story');
    const [posts, engagement, alerts, dispatches] = await Promise.all([
      storyPosts(ctx.pool, req.params.id),
      storyEngagement(ctx.pool, req.params.id),
      storyAlerts(ctx.pool, req.params.id),
      storyDispatches(ctx.pool, req.params.id),
    ]);
    return { data: { ...story, posts: posts.map(presentPost), engagement, alerts: alerts.map(presentAlert), dispatches } };
  });

  // 值班表: shifts of the 24-hour roster, who is on duty, handovers.
  app.get(
    '/api/monitor/roster',
    { schema: { tags, summary: 'Shifts overlapping [from, to) (default: today and the next 6 days)', querystring: z.object({ from: instant.optional(), to: instant.optional() }).strict() } },
    async (req) => {
      requireMonitorRole(req, MONITOR_READERS);
      const from = req.query.from ? new Date(req.query.from) : new Date(ctx.now().getTime() - 86_400_000);
      const to = req.query.to ? new Date(req.query.to) : new Date(from.getTime() + 8 * 86_400_000);
      if (to <= from) throw invalid('querystring.to', 'must be after from');
      if (to.getTime() - from.getTime() > 93 * 86_400_000) throw invalid('querystring.to', 'at most 93 days at a time');
      return { data: await listShifts(ctx.pool, from, to) };
    },
  );
  app.get('/api/monitor/roster/now', { schema: { tags, summary: 'Who is on duty now, and who comes next' } }, async (req) => {
    requireMonitorRole(req, MONITOR_READERS);
    return { data: await shiftsAround(ctx.pool, ctx.now()) };
  });
  app.get('/api/monitor/roster/officers', { schema: { tags, summary: 'Duty officers who can be put on the roster' } }, async (req) => {
    requireMonitorRole(req, MONITOR_READERS);
    return { data: await listDutyOfficers(ctx.pool) };
  });
  app.post(
    '/api/monitor/roster',
    {
      schema: {
        tags,
        summary: 'Add a shift (admin or the lead duty officer on shift); an overlapping shift of the same officer is refused with 409',
        body: z.object({ userId: z.uuid(), startsAt: instant, endsAt: instant, isLead: z.boolean().default(false) }).strict(),
      },
    },
    async (req, reply) => {
      const p = requireMonitorRole(req, ['admin', 'duty_officer']);
      if (!(await mayEditRoster(ctx, p))) throw forbidden('只有管理员或当班带班值班员可以排班');
      const startsAt = new Date(req.body.startsAt);
      const endsAt = new Date(req.body.endsAt);
      if (endsAt <= startsAt) throw invalid('body.endsAt', '结束时间应晚于开始时间');
      if (endsAt.getTime() - startsAt.getTime() > 24 * 3600_000) throw invalid('body.endsAt', '一个班次不超过24小时');
      if (!(await isDutyOfficer(ctx.pool, req.body.userId))) throw invalid('body.userId', '不是在岗的舆情值班员');
      const id = crypto.randomUUID();
      await withTransaction(ctx.pool, async (db) => {
        const clash = await lockAndFindOverlap(db, req.body.userId, startsAt, endsAt);
        if (clash) throw new AppError(409, 'CONFLICT', `该值班员在${clash.startsAt.toISOString()}至${clash.endsAt.toISOString()}已有班次`, { shiftId: clash.id });
        await insertShift(db, { id, userId: req.body.userId, startsAt, endsAt, isLead: req.body.isLead, createdBy: p.userId });
      });
      return reply.status(201).send({ data: await findShift(ctx.pool, id) });
    },
  );
  app.delete('/api/monitor/roster/:id', { schema: { tags, summary: 'Remove a shift (admin or the lead duty officer on shift)', params: z.object({ id: z.uuid() }) } }, async (req) => {
    const p = requireMonitorRole(req, ['admin', 'duty_officer'], true);
    if (!(await mayEditRoster(ctx, p))) throw forbidden('只有管理员或当班带班值班员可以排班');
    if (!(await withTransaction(ctx.pool, (db) => deleteShift(db, req.params.id)))) throw notFound('shift');
    return { data: { id: req.params.id } };
  });
  app.get(
    '/api/monitor/handovers',
    { schema: { tags, summary: 'Handover notes, newest first', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }).strict() } },
    async (req) => {
      requireMonitorRole(req, MONITOR_READERS);
      return { data: await listHandovers(ctx.pool, req.query.limit) };
    },
  );
  app.post(
    '/api/monitor/handovers',
    { schema: { tags, summary: '交接班 — a handover note, filed under the author’s running shift', body: z.object({ note: z.string().trim().min(1, '请填写交接内容').max(LIMITS.reasonMax * 2) }).strict() } },
    async (req, reply) => {
      const p = requireMonitorRole(req, ['duty_officer']);
      const now = ctx.now();
      const shift = await currentShiftOf(ctx.pool, p.userId, now);
      const handover = await insertHandover(ctx.pool, { id: crypto.randomUUID(), shiftId: shift?.id ?? null, authorId: p.userId, note: req.body.note, at: now });
      return reply.status(201).send({ data: handover });
    },
  );

  // 监测方案: keyword schemes, validated by the scheme parser, with a preview over recent posts.
  app.get('/api/monitor/schemes', { schema: { tags, summary: 'Keyword schemes' } }, async (req) => {
    requireMonitorRole(req, MONITOR_READERS);
    return { data: await listSchemes(ctx.pool) };
  });
  app.post('/api/monitor/schemes', { schema: { tags, summary: 'Add a keyword scheme (admin)', body: SchemeBody } }, async (req, reply) => {
    const p = requireMonitorRole(req, ['admin']);
    const b = req.body;
    checkExpression(b.expression);
    await checkRegion(ctx, b.regionCode ?? null);
    const id = crypto.randomUUID();
    await insertScheme(ctx.pool, { id, name: b.name, topic: b.topic, regionCode: b.regionCode ?? null, expression: b.expression, isActive: b.isActive, createdBy: p.userId, at: ctx.now() });
    return reply.status(201).send({ data: await findScheme(ctx.pool, id) });
  });
  app.patch(
    '/api/monitor/schemes/:id',
    { schema: { tags, summary: 'Change a keyword scheme (admin)', params: z.object({ id: z.uuid() }), body: SchemeBody.partial().extend({ regionCode: regionCode.nullable().optional(), isActive: z.boolean().optional() }) } },
    async (req) => {
      requireMonitorRole(req, ['admin'], true);
      const b = req.body;
      if (b.expression !== undefined) checkExpression(b.expression);
      if (b.regionCode) await checkRegion(ctx, b.regionCode);
      if (!(await updateScheme(ctx.pool, req.params.id, b, ctx.now()))) throw notFound('scheme');
      return { data: await findScheme(ctx.pool, req.params.id) };
    },
  );
  app.post(
    '/api/monitor/schemes/preview',
    {
      schema: {
        tags,
        summary: 'Test an expression against the last N posts (of a region): the posts it matches, with the words that hit',
        body: z.object({ expression: z.string().max(MAX_SCHEME_LENGTH + 1), regionCode: regionCode.optional(), lastN: z.number().int().min(1).max(5000).default(500) }).strict(),
      },
    },
    async (req) => {
      requireMonitorRole(req, ['admin']);
      const scheme = checkExpression(req.body.expression);
      if (req.body.regionCode) await checkRegion(ctx, req.body.regionCode);
      const posts = await recentPosts(ctx.pool, { limit: req.body.lastN, regionCode: req.body.regionCode });
      const match = compileScheme(scheme);
      const matched = posts.flatMap((p) => {
        const text = normalizeText(`${p.title ?? ''} ${p.text}`);
        return match(text) ? [{ ...presentPost(p), hits: schemeHits(scheme, text) }] : [];
      });
      return { data: { scanned: posts.length, matched: matched.length, terms: schemeTerms(scheme), posts: matched.slice(0, PREVIEW_SHOWN) } };
    },
  );

  await briefRoutes(app, ctx, (req) => requireMonitorRole(req, MONITOR_READERS));
}

/** Parses an expression or answers 400 with the parser's message and the 1-based character position. */
function checkExpression(expression: string): Scheme {
  try {
    return parseScheme(expression);
  } catch (e) {
    if (!(e instanceof SchemeSyntaxError)) throw e;
    throw new AppError(400, 'VALIDATION_FAILED', `body.expression: ${e.message}`, [{ field: 'body.expression', message: e.message, code: e.code, position: e.position }]);
  }
}

/** 400 unless the region exists. */
async function checkRegion(ctx: AppContext, code: string | null): Promise<void> {
  if (code && !(await findRegion(ctx.pool, code))) throw invalid('body.regionCode', '没有这个行政区划');
}
