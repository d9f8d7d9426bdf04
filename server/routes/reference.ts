import type { FastifyInstance } from 'fastify';
import { STATUS_LABELS, WORKFLOW } from '../../shared/workflow';
import { requireStaff } from '../app';
import type { AppContext } from '../context';
import { listCategories, listRegions, listTimeLimitClasses } from '../repositories/reference';
import { listUnits } from '../repositories/units';

/** Reference data: categories, regions and time limits are public (the resident form needs them); units are for staff. */
export async function referenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/categories', { schema: { tags: ['reference'], summary: 'The category tree' } }, async () => ({ data: await listCategories(ctx.pool) }));
  app.get('/api/regions', { schema: { tags: ['reference'], summary: 'Regions of the city down to towns and streets' } }, async () => ({ data: await listRegions(ctx.pool, 4) }));
  app.get('/api/time-limit-classes', { schema: { tags: ['reference'], summary: 'Time-limit classes in working days' } }, async () => ({ data: await listTimeLimitClasses(ctx.pool) }));
  app.get('/api/workflow', { schema: { tags: ['reference'], summary: 'The workflow table and status labels' } }, async () => ({ data: { transitions: WORKFLOW, statusLabels: STATUS_LABELS } }));
  app.get('/api/units', { schema: { tags: ['reference'], summary: 'Handling units (staff only)' } }, async (req) => {
    requireStaff(req);
    return { data: await listUnits(ctx.pool) };
  });
}
