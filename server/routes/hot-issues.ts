import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

/** Hot issues (热点) and their special reports (专报). (placeholder until built) */
export async function hotIssueRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
}
