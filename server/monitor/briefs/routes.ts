/** HTTP for the monitoring briefs (daily, weekly, as JSON and as Excel) and the measured loop. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffPrincipal } from '../../auth/principal';
import type { AppContext } from '../../context';
import { invalid } from '../../errors';
import { computeBrief, measuredLoop } from './brief';
import { briefWorkbook } from './excel';
import { dayPeriod, isoWeekOf, shanghaiDate, weekPeriod, type BriefPeriod } from './period';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The day asked for (default: today in Shanghai), or 400. */
function dailyPeriod(ctx: AppContext, date: string | undefined): BriefPeriod {
  const p = dayPeriod(date ?? shanghaiDate(ctx.now()));
  if (!p) throw invalid('querystring.date', '日期格式为 YYYY-MM-DD');
  return p;
}

/** The ISO week asked for (default: this week in Shanghai), or 400. */
function weeklyPeriod(ctx: AppContext, week: string | undefined): BriefPeriod {
  const p = weekPeriod(week ?? isoWeekOf(shanghaiDate(ctx.now())));
  if (!p) throw invalid('querystring.week', '周次格式为 YYYY-Www，如 2026-W09');
  return p;
}

/** Sends a brief as an .xlsx download named after its period. */
async function sendWorkbook(ctx: AppContext, reply: FastifyReply, period: BriefPeriod) {
  const brief = await computeBrief(ctx.pool, period, ctx.now());
  const name = `${period.kind === 'daily' ? '舆情日报' : '舆情周报'}-${period.label}.xlsx`;
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="brief-${period.label}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(await briefWorkbook(brief));
}

/** Mounts the brief and loop routes; `authorize` admits the monitoring readers (403 otherwise). */
export async function briefRoutes(root: FastifyInstance, ctx: AppContext, authorize: (req: FastifyRequest) => StaffPrincipal): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitor'];
  const dateQuery = z.object({ date: z.string().max(20).optional() }).strict();
  const weekQuery = z.object({ week: z.string().max(20).optional() }).strict();

  app.get('/api/monitor/briefs/daily', { schema: { tags, summary: '舆情日报 — one Shanghai day (default today)', querystring: dateQuery } }, async (req) => {
    authorize(req);
    return { data: await computeBrief(ctx.pool, dailyPeriod(ctx, req.query.date), ctx.now()) };
  });
  app.get('/api/monitor/briefs/weekly', { schema: { tags, summary: '舆情周报 — one ISO week, Monday to Sunday in Shanghai (default this week)', querystring: weekQuery } }, async (req) => {
    authorize(req);
    return { data: await computeBrief(ctx.pool, weeklyPeriod(ctx, req.query.week), ctx.now()) };
  });
  app.get('/api/monitor/briefs/daily/export.xlsx', { schema: { tags, summary: 'The daily brief as an Excel ledger (Beijing times)', querystring: dateQuery } }, async (req, reply) => {
    authorize(req);
    return sendWorkbook(ctx, reply, dailyPeriod(ctx, req.query.date));
  });
  app.get('/api/monitor/briefs/weekly/export.xlsx', { schema: { tags, summary: 'The weekly brief as an Excel ledger (Beijing times)', querystring: weekQuery } }, async (req, reply) => {
    authorize(req);
    return sendWorkbook(ctx, reply, weeklyPeriod(ctx, req.query.week));
  });
  app.get(
    '/api/monitor/loop',
    {
      schema: {
        tags,
        summary: '舆情闭环 — per Shanghai month: dispatched posts and the median/p90 seconds of posted → detected → dispatched → replied → resolved, with the items',
        querystring: z.object({ months: z.coerce.number().int().min(1).max(24).default(6) }).strict(),
      },
    },
    async (req) => {
      authorize(req);
      return { data: await measuredLoop(ctx.pool, ctx.now(), req.query.months) };
    },
  );
}
