import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../shared/domain';
import { requireAdmin } from '../app';
import { importCalendarYear, setCalendarOverride } from '../commands/calendar';
import { createUser } from '../commands/create-user';
import type { AppContext } from '../context';
import { listCalendarOverrides, listCalendarYears } from '../repositories/calendar';

/** Administration: the working calendar and staff accounts. */
export async function adminRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/admin/calendar', { schema: { tags: ['admin'], summary: 'Loaded years, the years the calendar covers, and overrides' } }, async (req) => {
    requireAdmin(req);
    const calendar = await ctx.calendar.get(ctx.pool);
    const years = await listCalendarYears(ctx.pool);
    return { data: { coveredYears: calendar.loadedYears(), loaded: years.map((y) => ({ year: y.year, source: y.source, loadedAt: y.loadedAt, days: y.days.length })), overrides: await listCalendarOverrides(ctx.pool) } };
  });
  app.post(
    '/api/admin/calendar/years',
    { schema: { tags: ['admin'], summary: 'Load a year’s holiday schedule (holiday-cn JSON); provisional deadlines are recomputed', body: z.object({ year: z.number().int(), days: z.array(z.unknown()) }).loose() } },
    async (req) => {
      const p = requireAdmin(req);
      return { data: await importCalendarYear(ctx, req.body, `admin:${p.username}`, p.userId) };
    },
  );
  app.put(
    '/api/admin/calendar/overrides/:date',
    {
      schema: {
        tags: ['admin'],
        summary: 'Override one date (a local day off, or a worked day); running deadlines are recomputed',
        params: z.object({ date: z.iso.date() }),
        body: z.object({ isOffDay: z.boolean(), name: z.string().trim().min(1, '请填写名称').max(50) }).strict(),
      },
    },
    async (req) => {
      const p = requireAdmin(req);
      return { data: await setCalendarOverride(ctx, { date: req.params.date, ...req.body }, p.userId) };
    },
  );
  app.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a staff account',
        body: z.object({ username: z.string(), password: z.string().min(8, '密码至少8位').max(200), displayName: z.string().trim().min(1).max(50), role: z.enum(ROLES), unitCode: z.string().optional() }).strict(),
      },
    },
    async (req, reply) => {
      requireAdmin(req);
      const id = await createUser(ctx.pool, req.body);
      return reply.status(201).send({ data: { id, username: req.body.username } });
    },
  );
}
