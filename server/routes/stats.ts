import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../app';
import type { AppContext } from '../context';
import { overdueByUnit, overview } from '../repositories/stats';

/** Numbers for leaders and supervisors, over what the caller may see. */
export async function statsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/stats/overview', { schema: { tags: ['stats'], summary: 'Today’s numbers, a 30-day trend, by category and by county' } }, async (req) => ({
    data: await overview(ctx.pool, requireStaff(req), ctx.now()),
  }));
  app.get('/api/stats/overdue-by-unit', { schema: { tags: ['stats'], summary: 'Overdue and soon-due appeals per lead unit' } }, async (req) => ({
    data: await overdueByUnit(ctx.pool, requireStaff(req), ctx.now()),
  }));
}
