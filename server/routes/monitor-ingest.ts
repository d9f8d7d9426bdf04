import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

/** 舆情 intake: push API (HMAC), file import, sources, alert rules, the live alert stream (SSE). (placeholder until built) */
export async function monitorIngestRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
}
