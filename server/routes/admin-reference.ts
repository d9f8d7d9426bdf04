import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TIME_LIMIT_CLASSES, UNIT_KINDS } from '../../shared/domain';
import { requireAdmin } from '../app';
import type { AppContext } from '../context';
import { AppError, invalid, notFound } from '../errors';
import { findCategory, findRegion, updateCategoryTimeLimit, updateTimeLimitClass } from '../repositories/reference';
import { findUnit, findUnitByCode, insertUnit } from '../repositories/units';
import { listUsers } from '../repositories/users';

/** Administration of units, users, categories and time limits: configuration rows, never code. */
export async function adminReferenceRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const admin = requireAdmin;
  app.get('/api/admin/users', { schema: { tags: ['admin'], summary: 'Staff accounts' } }, async (req) => {
    admin(req);
    return { data: await listUsers(ctx.pool) };
  });
  app.post(
    '/api/admin/units',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a unit',
        body: z
          .object({
            code: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{1,31}$/, '代码为小写字母、数字、-或_'),
            name: z.string().trim().min(2, '请填写单位名称').max(60),
            kind: z.enum(UNIT_KINDS),
            regionCode: z.string().regex(/^\d{6,12}$/),
            parentId: z.uuid().nullable().default(null),
            requiresReplyReview: z.boolean().default(false),
          })
          .strict(),
      },
    },
    async (req, reply) => {
      admin(req);
      const b = req.body;
      if (await findUnitByCode(ctx.pool, b.code)) throw new AppError(409, 'CONFLICT', `unit code ${b.code} is taken`);
      if (!(await findRegion(ctx.pool, b.regionCode))) throw invalid('body.regionCode', 'unknown region');
      if (b.parentId && !(await findUnit(ctx.pool, b.parentId))) throw invalid('body.parentId', 'no such unit');
      const id = crypto.randomUUID();
      await insertUnit(ctx.pool, { id, ...b });
      return reply.status(201).send({ data: await findUnit(ctx.pool, id) });
    },
  );
  app.patch(
    '/api/admin/categories/:code',
    { schema: { tags: ['admin'], summary: 'Set a category’s time-limit class', params: z.object({ code: z.string().max(50) }), body: z.object({ timeLimitClass: z.enum(TIME_LIMIT_CLASSES) }).strict() } },
    async (req) => {
      admin(req);
      if (!(await findCategory(ctx.pool, req.params.code))) throw notFound('category');
      await updateCategoryTimeLimit(ctx.pool, req.params.code, req.body.timeLimitClass);
      return { data: await findCategory(ctx.pool, req.params.code) };
    },
  );
  app.patch(
    '/api/admin/time-limit-classes/:code',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a time-limit class (applies to appeals assigned from now on)',
        params: z.object({ code: z.enum(TIME_LIMIT_CLASSES) }),
        body: z.object({ signDays: z.number().int().min(0).max(30), handleDays: z.number().int().min(1).max(365).nullable(), warnBeforeHours: z.number().int().min(0).max(240) }).strict(),
      },
    },
    async (req) => {
      admin(req);
      return { data: await updateTimeLimitClass(ctx.pool, req.params.code, req.body) };
    },
  );
}
