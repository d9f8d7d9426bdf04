import type { Queryable } from '../db/pool';

/** A reusable reply text for a category (or for all when categoryCode is null). */
export interface ReplyTemplate {
  id: string;
  categoryCode: string | null;
  title: string;
  body: string;
}

/** Templates for a category (its own, its parent's, and the general ones), or all. */
export async function listReplyTemplates(db: Queryable, categoryCode?: string): Promise<ReplyTemplate[]> {
  const res = await db.query<ReplyTemplate>(
    `select id, category_code as "categoryCode", title, body from reply_templates
      where $1::text is null or category_code is null or category_code = $1 or $1 like category_code || '.%'
      order by category_code nulls last, title`,
    [categoryCode ?? null],
  );
  return res.rows;
}

/** Stores a template. */
export async function insertReplyTemplate(db: Queryable, t: ReplyTemplate, by: string): Promise<void> {
  await db.query('insert into reply_templates (id, category_code, title, body, created_by) values ($1, $2, $3, $4, $5)', [t.id, t.categoryCode, t.title, t.body, by]);
}

/** Deletes a template; false if it did not exist. */
export async function deleteReplyTemplate(db: Queryable, id: string): Promise<boolean> {
  const res = await db.query('delete from reply_templates where id = $1', [id]);
  return (res.rowCount ?? 0) > 0;
}
