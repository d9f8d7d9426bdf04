import type { Principal } from '../auth/principal';
import type { Queryable } from '../db/pool';
import { scopeCondition } from '../policies/scope';
import { QUEUES, type Queue } from '../../shared/workflow';

export { QUEUES, type Queue };

const RUNNING = `a.status in ('assigned', 'in_progress', 'reply_review', 'reopened')`;

/** Placeholders for the principal's unit id (or null) and the current time, bound only when used. */
export interface QueueParams {
  unit: () => string;
  now: () => string;
}

/**
 * SQL condition of a queue for a principal. A unit's own work queues only hold appeals it leads;
 * co-units find theirs in the full list. Parameters are bound lazily because PostgreSQL refuses
 * bound parameters that the statement does not use.
 */
export function queueCondition(q: Queue, bind: QueueParams): string {
  const leads = () => {
    const u = bind.unit();
    return `(${u}::uuid is null or exists (select 1 from appeal_units l where l.appeal_id = a.id and l.is_current and l.role = 'lead' and l.unit_id = ${u}::uuid))`;
  };
  switch (q) {
    case 'to_accept':
      return `a.status = 'submitted'`;
    case 'to_assign':
      return `a.status = 'accepted'`;
    case 'to_sign':
      return `a.status in ('assigned', 'reopened') and ${leads()}`;
    case 'in_progress':
      return `a.status = 'in_progress' and ${leads()}`;
    case 'reply_review':
      return `a.status = 'reply_review' and ${leads()}`;
    case 'due_soon':
      return `${RUNNING} and a.due_at >= ${bind.now()}::timestamptz and a.due_at < ${bind.now()}::timestamptz + interval '24 hours' and ${leads()}`;
    case 'overdue':
      return `${RUNNING} and a.due_at < ${bind.now()}::timestamptz and ${leads()}`;
    case 'returned':
      return `a.status = 'returned'`;
    case 'unsatisfied':
      return `a.unsatisfied_count > 0 and a.status not in ('closed', 'rejected', 'merged') and ${leads()}`;
    case 'summoned':
      return `exists (select 1 from appeal_units s where s.appeal_id = a.id and s.is_current and s.role = 'summoned' and s.reported_at is null
                and (${bind.unit()}::uuid is null or s.unit_id = ${bind.unit()}::uuid))`;
    case 'extension_pending':
      return `exists (select 1 from extensions e where e.appeal_id = a.id and e.state = 'pending')`;
  }
}

/** Counts of every queue for the principal, in one scan of the appeals they may see. */
export async function countQueues(db: Queryable, p: Principal, now: Date): Promise<Record<Queue, number>> {
  const params: unknown[] = [p.kind === 'staff' ? (p.unit?.id ?? null) : null, now];
  const scope = scopeCondition(p, 'a', params);
  const bind = { unit: () => '$1', now: () => '$2' };
  const cols = QUEUES.map((q) => `count(*) filter (where ${queueCondition(q, bind)})::int as "${q}"`).join(',\n');
  const res = await db.query<Record<Queue, number>>(`select ${cols} from appeals a where ${scope}`, params);
  const row = res.rows[0];
  return Object.fromEntries(QUEUES.map((q) => [q, row?.[q] ?? 0])) as Record<Queue, number>;
}
