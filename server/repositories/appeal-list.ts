import type { Principal } from '../auth/principal';
import type { Queryable } from '../db/pool';
import { scopeCondition } from '../policies/scope';
import { APPEAL_SELECT, type Appeal } from './appeals';
import { queueCondition, type Queue } from './queues';

/** Filters of the appeal list (the staff workbench and integrators). */
export interface AppealFilter {
  queue?: Queue;
  statuses?: string[];
  unitId?: string;
  isOverdue?: boolean;
  isDueSoon?: boolean;
  isUnsatisfied?: boolean;
  categoryCode?: string;
  regionCode?: string;
  channel?: string;
  createdFrom?: Date;
  createdTo?: Date;
  queryTerms?: string[];
  queryText?: string;
  phone?: string;
  page: number;
  pageSize: number;
}

const RUNNING = `('assigned', 'in_progress', 'reply_review', 'reopened')`;

/** One page of the appeals the principal may see, newest first, with the total count. */
export async function listAppeals(db: Queryable, p: Principal, f: AppealFilter, now: Date): Promise<{ rows: Appeal[]; total: number }> {
  const params: unknown[] = [];
  const where = [scopeCondition(p, 'a', params)];
  const add = (sql: (ph: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.queue) {
    const unitId = p.kind === 'staff' ? (p.unit?.id ?? null) : null;
    const once = (value: unknown) => {
      let ph: string | undefined;
      return () => {
        if (!ph) {
          params.push(value);
          ph = `$${params.length}`;
        }
        return ph;
      };
    };
    where.push(queueCondition(f.queue, { unit: once(unitId), now: once(now) }));
  }
  if (f.statuses?.length) add((ph) => `a.status = any(${ph})`, f.statuses);
  if (f.unitId) add((ph) => `exists (select 1 from appeal_units x where x.appeal_id = a.id and x.is_current and x.unit_id = ${ph})`, f.unitId);
  if (f.isOverdue !== undefined) add((ph) => `${f.isOverdue ? '' : 'not '}coalesce(a.status in ${RUNNING} and a.due_at < ${ph}, false)`, now);
  if (f.isDueSoon) add((ph) => `a.status in ${RUNNING} and a.due_at >= ${ph}::timestamptz and a.due_at < ${ph}::timestamptz + interval '24 hours'`, now);
  if (f.isUnsatisfied) where.push(`a.unsatisfied_count > 0 and a.status not in ('closed', 'rejected', 'merged')`);
  if (f.categoryCode) add((ph) => `(a.category_code = ${ph} or a.category_code like ${ph} || '.%')`, f.categoryCode);
  if (f.regionCode) add((ph) => `a.region_code in (select code from regions where path like (select path from regions where code = ${ph}) || '%')`, f.regionCode);
  if (f.channel) add((ph) => `a.channel = ${ph}`, f.channel);
  if (f.createdFrom) add((ph) => `a.created_at >= ${ph}`, f.createdFrom);
  if (f.createdTo) add((ph) => `a.created_at < ${ph}`, f.createdTo);
  if (f.phone) add((ph) => `a.phone = ${ph}`, f.phone);
  if (f.queryText) {
    params.push(f.queryTerms?.length ? f.queryTerms.join(' ') : f.queryText);
    const tsq = `$${params.length}`;
    params.push(`%${f.queryText.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const like = `$${params.length}`;
    where.push(`(a.search_text @@ plainto_tsquery('simple', ${tsq}) or a.title ilike ${like} or a.body ilike ${like} or a.tracking_code = upper(${tsq}))`);
  }
  const cond = where.join(' and ');
  const count = await db.query<{ n: number }>(`select count(*)::int as n from appeals a where ${cond}`, params);
  params.push(f.pageSize, (f.page - 1) * f.pageSize);
  const rows = await db.query<Appeal>(
    `select ${APPEAL_SELECT} from appeals a where ${cond} order by a.created_at desc, a.id limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}
