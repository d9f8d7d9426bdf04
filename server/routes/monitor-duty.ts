import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

/** The duty console: alerts, posts, stories, dispatch as appeal, roster, handovers, schemes, briefs, the measured loop. (placeholder until built) */
export async function monitorDutyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
}
