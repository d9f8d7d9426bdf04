import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WORKFLOW } from '../../shared/workflow';
import { requirePrincipal } from '../app';
import { ACTION_HANDLERS } from '../commands/actions';
import { performTransition } from '../commands/transition';
import { bulkAssign } from '../commands/bulk-assign';
import type { AppContext } from '../context';
import { presentEvent } from '../presenters/appeal';
import { appealDetail } from './appeals';

/**
 * POST /api/appeals/:id/actions/<action>, one route per workflow row so that each action's body
 * schema is validated and published in the OpenAPI document. `version` (or If-Match) is the
 * optimistic lock: a stale version gets 409.
 */
export async function actionRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/appeals/bulk/assign',
    {
      schema: {
        tags: ['actions'],
        summary: '批量交办 — assign many accepted appeals at once; all or nothing',
        body: z.object({ ids: z.array(z.uuid()).min(1, '请选择诉求').max(200), ...ACTION_HANDLERS.assign.schema.shape }).strict(),
      },
    },
    async (req) => {
      const { ids, ...body } = req.body as { ids: string[] } & Record<string, unknown>;
      return { data: { assigned: await bulkAssign(ctx, requirePrincipal(req), ids, body) } };
    },
  );
  for (const row of WORKFLOW) {
    const handler = ACTION_HANDLERS[row.action];
    const body = z.object({ ...handler.schema.shape, version: z.number().int().positive().optional() }).strict();
    app.post(
      `/api/appeals/:id/actions/${row.action}`,
      {
        schema: {
          tags: ['actions'],
          summary: handler.summary,
          description: `Allowed from: ${row.from.join(', ')}; by: ${row.who.join(', ')}.`,
          params: z.object({ id: z.uuid() }),
          body,
          headers: z.object({ 'if-match': z.string().regex(/^"?\d+"?$/).optional() }).loose(),
        },
      },
      async (req) => {
        const p = requirePrincipal(req);
        const { version, ...rest } = req.body as { version?: number } & Record<string, unknown>;
        const ifMatch = req.headers['if-match'];
        const expected = version ?? (typeof ifMatch === 'string' ? Number(ifMatch.replace(/"/g, '')) : undefined);
        const result = await performTransition(ctx, p, req.params.id, row.action, rest, expected);
        const event = presentEvent(result.event);
        // A resident's answer carries no staff identity, not even on the event.
        return { data: { appeal: await appealDetail(ctx, p, result.appeal), event: p.kind === 'resident' ? { ...event, actor: { type: event.actor.type } } : event } };
      },
    );
  }
}
