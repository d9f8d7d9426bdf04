import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS } from '../../shared/domain';
import { requireStaff } from '../app';
import type { AppContext } from '../context';
import { forbidden, invalid, notFound } from '../errors';
import { findCategory } from '../repositories/reference';
import { deleteReplyTemplate, insertReplyTemplate, listReplyTemplates } from '../repositories/templates';

/** Reply templates: every staff member reads them; admins keep them. */
export async function templateRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/reply-templates',
    { schema: { tags: ['templates'], summary: 'Reply templates for a category (and general ones)', querystring: z.object({ category: z.string().max(50).optional() }).strict() } },
    async (req) => {
      requireStaff(req);
      return { data: await listReplyTemplates(ctx.pool, req.query.category) };
    },
  );
  app.post(
    '/api/reply-templates',
    {
      schema: {
        tags: ['templates'],
        summary: 'Add a reply template (admin)',
        body: z.object({ categoryCode: z.string().max(50).nullable().default(null), title: z.string().trim().min(1, '请填写标题').max(50), body: z.string().trim().min(LIMITS.bodyMin).max(LIMITS.replyMax) }).strict(),
      },
    },
    async (req, reply) => {
      const p = requireStaff(req);
      if (p.role !== 'admin') throw forbidden('administrators only');
      if (req.body.categoryCode && !(await findCategory(ctx.pool, req.body.categoryCode))) throw invalid('body.categoryCode', 'unknown category');
      const t = { id: crypto.randomUUID(), ...req.body };
      await insertReplyTemplate(ctx.pool, t, p.userId);
      return reply.status(201).send({ data: t });
    },
  );
  app.delete('/api/reply-templates/:id', { schema: { tags: ['templates'], summary: 'Delete a reply template (admin)', params: z.object({ id: z.uuid() }) } }, async (req) => {
    const p = requireStaff(req);
    if (p.role !== 'admin') throw forbidden('administrators only');
    if (!(await deleteReplyTemplate(ctx.pool, req.params.id))) throw notFound('template');
    return { data: { id: req.params.id } };
  });
}
