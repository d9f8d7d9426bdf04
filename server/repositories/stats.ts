import type { Principal } from '../auth/principal';
import type { Queryable } from '../db/pool';
import { scopeCondition } from '../policies/scope';

const RUNNING = `a.status in ('assigned', 'in_progress', 'reply_review', 'reopened')`;

/** Today's numbers, a 30-day trend and breakdowns, over what the principal may see (Asia/Shanghai days). */
export async function overview(db: Queryable, p: Principal, now: Date) {
  // Queries that compare with `now` bind it as $1; the others get a parameter list without it,
  // since PostgreSQL refuses bound parameters a statement does not use.
  const params: unknown[] = [now];
  const scope = scopeCondition(p, 'a', params);
  const plainParams: unknown[] = [];
  const plainScope = scopeCondition(p, 'a', plainParams);
  const day = `(a.created_at at time zone 'Asia/Shanghai')::date`;
  const today = `($1::timestamptz at time zone 'Asia/Shanghai')::date`;
  const t = await db.query(
    `select count(*) filter (where ${day} = ${today})::int as received,
            count(*) filter (where (a.closed_at at time zone 'Asia/Shanghai')::date = ${today} and a.status = 'closed')::int as closed,
            count(*) filter (where ${RUNNING} and a.due_at < $1)::int as overdue,
            count(*)::int as total,
            count(*) filter (where a.status = 'closed')::int as "closedTotal"
       from appeals a where ${scope}`,
    params,
  );
  const r = await db.query(
    `select count(*)::int as rated, count(*) filter (where r.rating in ('satisfied', 'basically_satisfied'))::int as satisfied
       from ratings r join appeals a on a.id = r.appeal_id where ${plainScope}`,
    plainParams,
  );
  const trend = await db.query(
    `with days as (select generate_series(${today} - 29, ${today}, interval '1 day')::date as d)
     select to_char(d, 'YYYY-MM-DD') as date,
            (select count(*)::int from appeals a where ${scope} and ${day} = d) as received,
            (select count(*)::int from appeals a where ${scope} and a.status = 'closed' and (a.closed_at at time zone 'Asia/Shanghai')::date = d) as closed
       from days order by d`,
    params,
  );
  const byCategory = await db.query(
    `select c.code, c.name, count(*)::int as count from appeals a join categories c on c.code = split_part(a.category_code, '.', 1)
      where ${plainScope} group by c.code, c.name order by count desc limit 15`,
    plainParams,
  );
  const byRegion = await db.query(
    `select g.code, g.name, count(*)::int as count from appeals a join regions r on r.code = a.region_code
       join regions g on g.level = 3 and r.path like g.path || '%'
      where ${plainScope} group by g.code, g.name order by count desc`,
    plainParams,
  );
  const rated = r.rows[0]?.rated ?? 0;
  const satisfied = r.rows[0]?.satisfied ?? 0;
  return {
    today: { ...t.rows[0], rated, satisfied, satisfactionRate: rated ? satisfied / rated : null },
    trend: trend.rows,
    byCategory: byCategory.rows,
    byRegion: byRegion.rows,
  };
}

/** Overdue and soon-due appeals per lead unit (the supervisor's list). */
export async function overdueByUnit(db: Queryable, p: Principal, now: Date) {
  const params: unknown[] = [now];
  const scope = scopeCondition(p, 'a', params);
  const res = await db.query(
    `select u.id as "unitId", u.name as "unitName",
            count(*) filter (where a.due_at < $1)::int as overdue,
            count(*) filter (where a.due_at >= $1 and a.due_at < $1::timestamptz + interval '24 hours')::int as "dueSoon"
       from appeals a join units u on u.id = a.lead_unit_id
      where ${RUNNING} and ${scope}
      group by u.id, u.name having count(*) filter (where a.due_at < $1::timestamptz + interval '24 hours') > 0
      order by overdue desc, "dueSoon" desc, u.name`,
    params,
  );
  return res.rows;
}
