import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS, type Role } from '../../shared/domain';
import { requireAdmin, requireStaff } from '../app';
import type { StaffPrincipal } from '../auth/principal';
import type { AppContext } from '../context';
import { AUTO_ASSIGN_KEY, DEFAULT_AUTO_ASSIGN, forgetDispatchCache, suggestDispatch, type AutoAssignSetting, type DispatchSuggestion } from '../dispatch/service';
import { forbidden, invalid, notFound } from '../errors';
import { enqueueJob } from '../jobs/enqueue';
import { findVisibleAppeal } from '../repositories/appeals';
import {
  activateModel,
  deleteRoutingRule,
  findRoutingRule,
  findSuggestion,
  getSetting,
  listCorrections,
  listModels,
  listRoutingRules,
  putSetting,
  upsertRoutingRule,
} from '../repositories/dispatch';
import { findCategory, findRegion } from '../repositories/reference';
import { findUnit } from '../repositories/units';

/** Staff who route appeals (or enter them) see suggestions; unit staff don't need them. */
const SUGGEST_ROLES: readonly Role[] = ['admin', 'operator', 'dispatcher', 'supervisor', 'leader', 'duty_officer'];

const RuleBody = z
  .object({
    categoryCode: z.string().max(50).nullable().default(null),
    regionCode: z.string().regex(/^\d{6,12}$/, '区划代码为6–12位数字').nullable().default(null),
    keyword: z.string().trim().max(200).nullable().default(null).transform((k) => (k ? k : null)),
    target: z.enum(['unit', 'territorial']),
    unitId: z.uuid().nullable().default(null),
    priority: z.number().int().min(-1000).max(1000).default(0),
    note: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
    isActive: z.boolean().default(true),
  })
  .strict();

/** Smart dispatch: live suggestions, an appeal's stored suggestion, routing rules, settings and models. */
export async function dispatchRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const router = (p: StaffPrincipal) => {
    if (!SUGGEST_ROLES.includes(p.role) || p.unit !== null) throw forbidden('dispatch suggestions are for the city’s intake and dispatch staff');
    return p;
  };

  app.post(
    '/api/dispatch/suggest',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'Suggest category, place, units (with why) and urgency for a text',
        body: z
          .object({
            title: z.string().trim().max(LIMITS.titleMax).default(''),
            text: z.string().trim().min(1, '请填写诉求内容').max(LIMITS.bodyMax),
            address: z.string().trim().max(LIMITS.addressMax).optional(),
            latitude: z.number().min(-90).max(90).optional(),
            longitude: z.number().min(-180).max(180).optional(),
          })
          .strict(),
      },
    },
    async (req) => {
      router(requireStaff(req));
      return { data: await suggestDispatch(ctx, ctx.pool, req.body) };
    },
  );

  app.get(
    '/api/appeals/:id/dispatch',
    { schema: { tags: ['dispatch'], summary: 'What Minsheng suggested for an appeal, and the corrections made', params: z.object({ id: z.uuid() }) } },
    async (req) => {
      const p = router(requireStaff(req));
      const appeal = await findVisibleAppeal(ctx.pool, p, req.params.id);
      if (!appeal) throw notFound();
      const stored = await findSuggestion<DispatchSuggestion>(ctx.pool, appeal.id);
      const suggestion = stored?.suggestion ?? (await suggestDispatch(ctx, ctx.pool, { title: appeal.title, text: appeal.body, address: appeal.address, latitude: appeal.latitude, longitude: appeal.longitude }));
      return {
        data: {
          ...suggestion,
          isStored: stored !== null,
          isAutoAssigned: stored?.isAutoAssigned ?? false,
          suggestedAt: stored?.createdAt ?? null,
          corrections: await listCorrections(ctx.pool, appeal.id),
        },
      };
    },
  );

  app.get('/api/admin/routing-rules', { schema: { tags: ['dispatch'], summary: 'Routing rules (谁主管 + 属地)' } }, async (req) => {
    router(requireStaff(req));
    return { data: await listRoutingRules(ctx.pool) };
  });

  const checkRule = async (b: z.infer<typeof RuleBody>) => {
    if (b.target === 'unit' && !b.unitId) throw invalid('body.unitId', '请选择主管单位');
    if (b.target === 'territorial' && b.unitId) throw invalid('body.unitId', '属地规则不指定单位');
    if (b.unitId && !(await findUnit(ctx.pool, b.unitId))) throw invalid('body.unitId', 'no such unit');
    if (b.categoryCode && !(await findCategory(ctx.pool, b.categoryCode))) throw invalid('body.categoryCode', 'unknown category');
    if (b.regionCode && !(await findRegion(ctx.pool, b.regionCode))) throw invalid('body.regionCode', 'unknown region');
    if (!b.categoryCode && !b.regionCode && !b.keyword && b.target === 'unit') throw invalid('body.keyword', '指定单位的规则至少要有分类、区域或关键词之一');
  };

  app.post('/api/admin/routing-rules', { schema: { tags: ['dispatch'], summary: 'Add a routing rule (admin)', body: RuleBody } }, async (req, reply) => {
    const p = requireAdmin(req);
    await checkRule(req.body);
    const id = crypto.randomUUID();
    await upsertRoutingRule(ctx.pool, id, req.body, p.userId);
    forgetDispatchCache();
    return reply.status(201).send({ data: await findRoutingRule(ctx.pool, id) });
  });

  app.put(
    '/api/admin/routing-rules/:id',
    { schema: { tags: ['dispatch'], summary: 'Change a routing rule (admin)', params: z.object({ id: z.uuid() }), body: RuleBody } },
    async (req) => {
      const p = requireAdmin(req);
      if (!(await findRoutingRule(ctx.pool, req.params.id))) throw notFound('routing rule');
      await checkRule(req.body);
      await upsertRoutingRule(ctx.pool, req.params.id, req.body, p.userId);
      forgetDispatchCache();
      return { data: await findRoutingRule(ctx.pool, req.params.id) };
    },
  );

  app.delete('/api/admin/routing-rules/:id', { schema: { tags: ['dispatch'], summary: 'Delete a routing rule (admin)', params: z.object({ id: z.uuid() }) } }, async (req) => {
    requireAdmin(req);
    if (!(await deleteRoutingRule(ctx.pool, req.params.id))) throw notFound('routing rule');
    forgetDispatchCache();
    return { data: { id: req.params.id } };
  });

  app.get('/api/admin/dispatch-settings', { schema: { tags: ['dispatch'], summary: 'Auto-assign setting and the models in use' } }, async (req) => {
    router(requireStaff(req));
    return { data: { autoAssign: await getSetting<AutoAssignSetting>(ctx.pool, AUTO_ASSIGN_KEY, DEFAULT_AUTO_ASSIGN), models: await listModels(ctx.pool) } };
  });

  app.put(
    '/api/admin/dispatch-settings',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'Turn auto-assign on or off and set its threshold (admin)',
        body: z.object({ autoAssign: z.object({ enabled: z.boolean(), threshold: z.number().min(0.5, '阈值不低于0.5').max(1, '阈值不高于1') }).strict() }).strict(),
      },
    },
    async (req) => {
      requireAdmin(req);
      await putSetting(ctx.pool, AUTO_ASSIGN_KEY, req.body.autoAssign);
      return { data: { autoAssign: req.body.autoAssign } };
    },
  );

  app.post('/api/admin/dispatch/models/:id/activate', { schema: { tags: ['dispatch'], summary: 'Use a stored model (swap or roll back without restart)', params: z.object({ id: z.uuid() }) } }, async (req) => {
    requireAdmin(req);
    if (!(await activateModel(ctx.pool, req.params.id))) throw notFound('model');
    forgetDispatchCache();
    return { data: await listModels(ctx.pool) };
  });

  app.post('/api/admin/dispatch/retrain', { schema: { tags: ['dispatch'], summary: 'Retrain on the city’s settled appeals now (queued)' } }, async (req, reply) => {
    requireAdmin(req);
    await enqueueJob(ctx.pool, 'dispatch_retrain', {}, { jobKey: 'dispatch_retrain' });
    return reply.status(202).send({ data: { queued: true } });
  });
}
