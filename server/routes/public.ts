import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS } from '../../shared/domain';
import type { AppContext } from '../context';
import { presentPublished } from '../presenters/public';
import { listPublished } from '../repositories/public';

/** The public echo wall (回音壁): no login, personal data masked. */
export async function publicRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/public/appeals',
    {
      schema: {
        tags: ['public'],
        summary: 'Answered appeals whose residents consented to publication, masked',
        querystring: z
          .object({
            q: z.string().trim().max(100).optional(),
            category: z.string().max(50).optional(),
            region: z.string().regex(/^\d{6,12}$/).optional(),
            unit: z.uuid().optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
          })
          .strict(),
      },
    },
    async (req) => {
      const q = req.query;
      const { rows, total } = await listPublished(ctx.pool, { q: q.q || undefined, categoryCode: q.category, regionCode: q.region, unitId: q.unit, page: q.page, pageSize: q.pageSize });
      return { data: rows.map(presentPublished), page: { page: q.page, pageSize: q.pageSize, total } };
    },
  );
}
