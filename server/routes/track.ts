import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PHONE_PATTERN } from '../../shared/domain';
import { loadFacts } from '../commands/transition';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { allowedActions } from '../policies/appeal';
import { presentTrack } from '../presenters/track';
import { findByTrackingCode } from '../repositories/appeals';
import { listEvents } from '../repositories/events';
import { listReplies } from '../repositories/replies';
import { listAttachments } from '../repositories/attachments';

/** Residents follow an appeal with its tracking code and their phone; no login needed to read. */
export async function trackRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/track/:trackingCode',
    {
      schema: {
        tags: ['resident'],
        summary: 'An appeal’s public steps and replies by tracking code and phone',
        params: z.object({ trackingCode: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{8,20}$/, '受理编号格式不正确') }),
        querystring: z.object({ phone: z.string().trim().regex(PHONE_PATTERN, '请输入正确的手机号') }).strict(),
      },
    },
    async (req) => {
      const appeal = await findByTrackingCode(ctx.pool, req.params.trackingCode);
      // Unknown code and wrong phone look the same, so neither can be probed.
      if (!appeal || appeal.phone !== req.query.phone) throw notFound('appeal with this tracking code and phone');
      const [events, replies, attachments, facts] = await Promise.all([
        listEvents(ctx.pool, appeal.id),
        listReplies(ctx.pool, appeal.id),
        listAttachments(ctx.pool, appeal.id),
        loadFacts(ctx.pool, appeal),
      ]);
      const p = req.principal;
      const policies = p?.kind === 'resident' ? allowedActions(p, facts) : [];
      return { data: presentTrack(appeal, events, replies, attachments, policies, ctx.now()) };
    },
  );
}
