import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

/** Smart dispatch: suggestions, routing rules, corrections, models. (placeholder until built) */
export async function dispatchRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
}
