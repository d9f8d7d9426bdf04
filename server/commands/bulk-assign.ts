import type { Principal } from '../auth/principal';
import type { AppContext } from '../context';
import { withTransaction } from '../db/pool';
import { AppError } from '../errors';
import { scopeCondition } from '../policies/scope';
import { transitionIn } from './transition';

/**
 * 批量交办: assigns many accepted appeals to the same units in one transaction. The permitted ids
 * are resolved in one query (locked in id order, so concurrent bulk runs cannot deadlock); if any
 * id is unknown or not visible, nothing is assigned.
 */
export async function bulkAssign(ctx: AppContext, principal: Principal, ids: string[], body: Record<string, unknown>): Promise<number> {
  const unique = [...new Set(ids)].sort();
  return withTransaction(ctx.pool, async (db) => {
    const params: unknown[] = [unique];
    const scope = scopeCondition(principal, 'a', params);
    const visible = await db.query<{ id: string }>(`select a.id from appeals a where a.id = any($1) and ${scope} order by a.id for update of a`, params);
    const found = new Set(visible.rows.map((r) => r.id));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length) throw new AppError(404, 'NOT_FOUND', `${missing.length} appeal(s) not found`, { missing });
    for (const id of unique) await transitionIn(db, ctx, principal, id, 'assign', body);
    return unique.length;
  });
}
