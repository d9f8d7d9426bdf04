import type { Queryable } from '../db/pool';

/** An answered appeal whose resident consented to publication, as stored (masked by the presenter). */
export interface PublishedAppeal {
  id: string;
  title: string;
  body: string;
  residentName: string | null;
  phone: string;
  categoryCode: string | null;
  regionCode: string | null;
  unitName: string | null;
  createdAt: Date;
  replyResolution: string | null;
  replyBody: string | null;
  repliedAt: Date | null;
  rating: string | null;
}

/** One page of the echo wall: answered, consented, not confidential; newest answers first. */
export async function listPublished(
  db: Queryable,
  f: { q?: string; categoryCode?: string; regionCode?: string; unitId?: string; page: number; pageSize: number },
): Promise<{ rows: PublishedAppeal[]; total: number }> {
  const params: unknown[] = [];
  const where = [`a.may_publish`, `not a.is_confidential`, `a.status in ('replied', 'closed')`];
  const add = (sql: (ph: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (f.q) add((ph) => `(a.title ilike ${ph} or a.body ilike ${ph})`, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.categoryCode) add((ph) => `(a.category_code = ${ph} or a.category_code like ${ph} || '.%')`, f.categoryCode);
  if (f.regionCode) add((ph) => `a.region_code in (select code from regions where path like (select path from regions where code = ${ph}) || '%')`, f.regionCode);
  if (f.unitId) add((ph) => `a.lead_unit_id = ${ph}`, f.unitId);
  const cond = where.join(' and ');
  const total = await db.query<{ n: number }>(`select count(*)::int as n from appeals a where ${cond}`, params);
  params.push(f.pageSize, (f.page - 1) * f.pageSize);
  const rows = await db.query<PublishedAppeal>(
    `select a.id, a.title, a.body, a.resident_name as "residentName", a.phone, a.category_code as "categoryCode", a.region_code as "regionCode",
            u.name as "unitName", a.created_at as "createdAt", r.resolution as "replyResolution", r.body as "replyBody", r.created_at as "repliedAt",
            (select rating from ratings x where x.appeal_id = a.id order by x.created_at desc limit 1) as rating
       from appeals a left join units u on u.id = a.lead_unit_id
       left join lateral (select resolution, body, created_at from replies where appeal_id = a.id and state = 'published' order by created_at desc limit 1) r on true
      where ${cond} order by a.replied_at desc nulls last, a.id limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}
