import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANNELS, LIMITS, PHONE_PATTERN } from '../../shared/domain';
import { STATUSES } from '../../shared/workflow';
import { requirePrincipal } from '../app';
import type { Principal } from '../auth/principal';
import { loadFacts } from '../commands/transition';
import { submitAppeal } from '../commands/submit-appeal';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { allowedActions, mayReadContact } from '../policies/appeal';
import { presentAppeal, presentAppealDetail } from '../presenters/appeal';
import { presentTrack } from '../presenters/track';
import { listAppeals } from '../repositories/appeal-list';
import { countQueues, QUEUES } from '../repositories/queues';
import { findRelated, findVisibleAppeal, type Appeal } from '../repositories/appeals';
import { listAttachments } from '../repositories/attachments';
import { countProposedDuplicates } from '../repositories/duplicates';
import { listEvents } from '../repositories/events';
import { listReplies } from '../repositories/replies';
import { queryTerms } from '../text/segment';

/** Request body of POST /api/appeals. */
export const CreateAppealBody = z
  .object({
    title: z.string().trim().min(1, '标题不能为空').max(LIMITS.titleMax, `标题不超过${LIMITS.titleMax}字`).optional(),
    body: z.string().trim().min(LIMITS.bodyMin, `诉求内容至少${LIMITS.bodyMin}个字`).max(LIMITS.bodyMax, `诉求内容不超过${LIMITS.bodyMax}字`),
    categoryCode: z.string().min(1).max(50).optional(),
    address: z.string().trim().max(LIMITS.addressMax).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    regionCode: z.string().regex(/^\d{6,12}$/, '区划代码为6–12位数字').optional(),
    phone: z.string().trim().regex(PHONE_PATTERN, '请输入正确的手机号'),
    residentName: z.string().trim().max(50).optional(),
    isConfidential: z.boolean().default(false),
    mayPublish: z.boolean().default(false),
    attachmentIds: z.array(z.uuid()).max(LIMITS.attachmentsMax).default([]),
    channel: z.enum(CHANNELS).optional(),
    channelRef: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

const ListQuery = z
  .object({
    queue: z.enum(QUEUES).optional(),
    status: z.string().optional().refine((s) => !s || s.split(',').every((x) => (STATUSES as readonly string[]).includes(x)), '未知的状态'),
    unit: z.uuid().optional(),
    overdue: booleanQuery.optional(),
    dueSoon: booleanQuery.optional(),
    unsatisfied: booleanQuery.optional(),
    category: z.string().max(50).optional(),
    region: z.string().regex(/^\d{6,12}$/).optional(),
    channel: z.enum(CHANNELS).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    q: z.string().trim().max(100).optional(),
    phone: z.string().regex(PHONE_PATTERN).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
  })
  .strict();

/** The full view of one visible appeal with the caller's next actions. */
export async function appealDetail(ctx: AppContext, p: Principal, appeal: Appeal) {
  const facts = await loadFacts(ctx.pool, appeal);
  const [events, replies, attachments, related] = await Promise.all([
    listEvents(ctx.pool, appeal.id),
    listReplies(ctx.pool, appeal.id),
    listAttachments(ctx.pool, appeal.id),
    findRelated(ctx.pool, p, appeal),
  ]);
  const policies = allowedActions(p, facts);
  // Residents get their own view: public steps and published replies, never staff identities.
  if (p.kind === 'resident') return presentTrack(appeal, events, replies, attachments, policies, ctx.now());
  const detail = presentAppealDetail(appeal, { units: facts.units, events, replies, attachments, policies, includeContact: mayReadContact(p, facts), now: ctx.now() });
  return { ...detail, related };
}

/** Submit, list and read appeals. */
export async function appealRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/appeals',
    { schema: { tags: ['appeals'], summary: '反映 — submit an appeal (a verified resident, or staff for a caller)', body: CreateAppealBody } },
    async (req, reply) => {
      const p = requirePrincipal(req);
      const b = req.body;
      const result = await submitAppeal(ctx, p, { ...b, title: b.title ?? b.body.slice(0, 30) });
      const data = await appealDetail(ctx, p, result.appeal);
      return reply.status(result.isNew ? 201 : 200).send({ data: { ...data, isNew: result.isNew } });
    },
  );
  app.get('/api/appeals', { schema: { tags: ['appeals'], summary: 'Appeals the caller may see, filtered and paged', querystring: ListQuery } }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query;
    const now = ctx.now();
    const { rows, total } = await listAppeals(
      ctx.pool,
      p,
      {
        queue: q.queue,
        statuses: q.status?.split(','),
        unitId: q.unit,
        isOverdue: q.overdue,
        isDueSoon: q.dueSoon,
        isUnsatisfied: q.unsatisfied,
        categoryCode: q.category,
        regionCode: q.region,
        channel: q.channel,
        createdFrom: q.from ? new Date(q.from) : undefined,
        createdTo: q.to ? new Date(q.to) : undefined,
        queryText: q.q || undefined,
        queryTerms: q.q ? queryTerms(q.q) : undefined,
        phone: q.phone,
        page: q.page,
        pageSize: q.pageSize,
      },
      now,
    );
    const duplicates = await countProposedDuplicates(ctx.pool, p, rows.map((a) => a.id));
    // Lists never carry full contact details; the detail page decides per appeal.
    return {
      data: rows.map((a) => ({ ...presentAppeal(a, { includeContact: false, now }), duplicateCount: duplicates.get(a.id) ?? 0 })),
      page: { page: q.page, pageSize: q.pageSize, total },
    };
  });
  app.get('/api/queues', { schema: { tags: ['appeals'], summary: 'Counts of the caller’s workbench queues' } }, async (req) => ({
    data: await countQueues(ctx.pool, requirePrincipal(req), ctx.now()),
  }));
  app.get('/api/appeals/:id', { schema: { tags: ['appeals'], summary: 'One appeal with its units, replies, events and the caller’s next actions', params: z.object({ id: z.uuid() }) } }, async (req) => {
    const p = requirePrincipal(req);
    const appeal = await findVisibleAppeal(ctx.pool, p, req.params.id);
    if (!appeal) throw notFound();
    return { data: await appealDetail(ctx, p, appeal) };
  });
}
