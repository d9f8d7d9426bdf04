import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../shared/domain';
import { requireStaff } from '../app';
import type { AppContext } from '../context';
import { STORE_OPTIONS } from '../dispatch/cluster/store';
import { reportWorkbook } from '../dispatch/cluster/export';
import { presentHotIssue, presentReport } from '../dispatch/cluster/view';
import { AppError, forbidden, invalid, notFound } from '../errors';
import { findVisibleAppeal } from '../repositories/appeals';
import { dismissDuplicate, findDuplicatePair, listDuplicatesOf, type DuplicateStatus, type DuplicateView } from '../repositories/duplicates';
import { findHotIssue, listHotIssueAppeals, listHotIssues, type HotIssueReader } from '../repositories/hot-issues';
import { findRegion } from '../repositories/reference';
import { DAY_MS } from '../../shared/calendar/dates';

/** City-level roles that read every hot issue; unit users read those touching their own appeals. */
const HOT_ISSUE_ROLES: readonly Role[] = ['dispatcher', 'supervisor', 'leader', 'admin', 'operator', 'duty_officer'];
/** Who decides about duplicates: the intake desk, which also merges (并案). */
const DUPLICATE_DECIDERS: readonly Role[] = ['operator', 'dispatcher'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Who is reading, and whether they see every issue; 401 without a staff login, 403 for other city roles. */
function hotIssueReader(req: FastifyRequest): HotIssueReader {
  const p = requireStaff(req);
  if (p.unit !== null) return { principal: p, seesAll: false };
  if (HOT_ISSUE_ROLES.includes(p.role)) return { principal: p, seesAll: true };
  throw forbidden('热点专报仅对市级工作人员和承办单位开放');
}

const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** A day (Asia/Shanghai) or an instant; `endOfDay` makes a bare date inclusive. */
function toInstant(v: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(Date.parse(`${v}T00:00:00+08:00`) + (endOfDay ? DAY_MS - 1 : 0));
  return new Date(v);
}

const ListQuery = z
  .object({
    from: dateOrTime.optional(),
    to: dateOrTime.optional(),
    region: z.string().regex(/^\d{6,12}$/, '区划代码为6–12位数字').optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    minSize: z.coerce.number().int().min(1).max(1000).default(2),
  })
  .strict();

const IssueParams = z.object({ id: z.string().regex(/^\d{1,18}$/, '热点编号为数字') });
const DuplicateQuery = z
  .object({ status: z.string().optional().refine((s) => !s || s.split(',').every((x) => ['proposed', 'merged', 'dismissed'].includes(x)), '状态为 proposed、merged、dismissed') })
  .strict();

const presentDuplicate = (d: DuplicateView) => ({ ...d, createdAt: d.createdAt.toISOString() });

/** Hot issues (热点), their special reports (专报), and proposed duplicates of an appeal. */
export async function hotIssueRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const halfLife = STORE_OPTIONS.cluster.heat.halfLifeDays;

  /** The issue and its visible appeals, as the report page and the export show them; 404 when not visible. */
  async function loadReport(req: FastifyRequest, id: string) {
    const reader = hotIssueReader(req);
    const now = ctx.now();
    const row = await findHotIssue(ctx.pool, reader, id, now, halfLife);
    if (!row) throw notFound('hot issue');
    return presentReport(row, await listHotIssueAppeals(ctx.pool, reader, id), now);
  }

  app.get('/api/hot-issues', { schema: { tags: ['hot-issues'], summary: '热点 — hot issues by heat, optionally for a period and a region', querystring: ListQuery } }, async (req) => {
    const reader = hotIssueReader(req);
    const q = req.query;
    const from = q.from ? toInstant(q.from, false) : undefined;
    const to = q.to ? toInstant(q.to, true) : undefined;
    if (from && to && from > to) throw invalid('querystring.from', '开始时间不能晚于结束时间');
    let regionPath: string | undefined;
    if (q.region) {
      const region = await findRegion(ctx.pool, q.region);
      if (!region) throw invalid('querystring.region', '未知的区划');
      regionPath = region.path;
    }
    const now = ctx.now();
    // Heat is measured at the end of the period asked for (or now): last spring's issues are hot in last spring.
    const ref = to && to < now ? to : now;
    const rows = await listHotIssues(ctx.pool, reader, { from, to, regionPath, minSize: q.minSize, limit: q.limit }, ref, halfLife);
    return { data: rows.map(presentHotIssue) };
  });

  app.get('/api/hot-issues/:id', { schema: { tags: ['hot-issues'], summary: '专报 — the special report of one hot issue', params: IssueParams } }, async (req) => ({
    data: await loadReport(req, req.params.id),
  }));

  app.get('/api/hot-issues/:id/export.xlsx', { schema: { tags: ['hot-issues'], summary: '专报 as an Excel workbook (summary and appeals sheets)', params: IssueParams } }, async (req, reply) => {
    const report = await loadReport(req, req.params.id);
    const name = `热点专报-${report.id}.xlsx`;
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="hot-issue-${report.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(await reportWorkbook(report));
  });

  app.get(
    '/api/appeals/:id/duplicates',
    { schema: { tags: ['hot-issues'], summary: '疑似重复 — proposed duplicates of an appeal, best first', params: z.object({ id: z.uuid() }), querystring: DuplicateQuery } },
    async (req) => {
      const p = requireStaff(req);
      if (!(await findVisibleAppeal(ctx.pool, p, req.params.id))) throw notFound();
      const statuses = req.query.status?.split(',') as DuplicateStatus[] | undefined;
      return { data: (await listDuplicatesOf(ctx.pool, p, req.params.id, statuses)).map(presentDuplicate) };
    },
  );

  app.post(
    '/api/appeals/:id/duplicates/:otherId/dismiss',
    { schema: { tags: ['hot-issues'], summary: '不是重复 — dismiss a proposed duplicate pair', params: z.object({ id: z.uuid(), otherId: z.uuid() }) } },
    async (req) => {
      const p = requireStaff(req);
      const { id, otherId } = req.params;
      if (!(await findVisibleAppeal(ctx.pool, p, id)) || !(await findVisibleAppeal(ctx.pool, p, otherId))) throw notFound();
      const pair = await findDuplicatePair(ctx.pool, id, otherId);
      if (!pair) throw notFound('duplicate candidate');
      if (!DUPLICATE_DECIDERS.includes(p.role)) throw forbidden('只有受理员和派单员可以处理疑似重复');
      if (pair.status === 'merged') throw new AppError(409, 'CONFLICT', '这两件诉求已并案，不能再标记为不重复');
      await dismissDuplicate(ctx.pool, id, otherId);
      const view = (await listDuplicatesOf(ctx.pool, p, id)).find((d) => d.otherId === otherId);
      if (!view) throw notFound('duplicate candidate');
      return { data: presentDuplicate(view) };
    },
  );
}
