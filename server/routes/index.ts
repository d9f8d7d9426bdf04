import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { actionRoutes } from './actions';
import { adminReferenceRoutes } from './admin-reference';
import { publicRoutes } from './public';
import { statsRoutes } from './stats';
import { templateRoutes } from './templates';
import { adminRoutes } from './admin';
import { appealRoutes } from './appeals';
import { attachmentRoutes } from './attachments';
import { authRoutes } from './auth';
import { referenceRoutes } from './reference';
import { residentRoutes } from './resident';
import { trackRoutes } from './track';
import { dispatchRoutes } from './dispatch';
import { hotIssueRoutes } from './hot-issues';
import { monitorDutyRoutes } from './monitor-duty';
import { monitorIngestRoutes } from './monitor-ingest';
import { placeRoutes } from './places';

/** Mounts every API route. */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness and database check' } }, async () => {
    await ctx.pool.query('select 1');
    return { status: 'ok' };
  });
  for (const routes of [authRoutes, residentRoutes, appealRoutes, actionRoutes, trackRoutes, referenceRoutes, attachmentRoutes, adminRoutes, adminReferenceRoutes, publicRoutes, statsRoutes, templateRoutes, dispatchRoutes, placeRoutes, hotIssueRoutes, monitorIngestRoutes, monitorDutyRoutes]) {
    await routes(app, ctx);
  }
}
