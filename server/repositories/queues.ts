import type { Principal } from '../auth/principal';
import type { Queryable } from '../db/pool';
import { scopeCondition } from '../policies/scope';

/** The workbench queues (工作台待办), each a condition on appeals `a`. */
export const QUEUES = [
  'to_accept',
  'to_assign',
  'to_sign',
  'in_progress',
  'reply_review',
  'due_soon',
  'overdue',
  'returned',
  'unsatisfied',
  'summoned',
  'extension_pending',
] as const;
export type Queue = (typeof QUEUES)[number];

const RUNNING = `a.status in ('assigned', 'in_progress', 'reply_review', 'reopened')`;

/**
 * SQL condition of a queue for a principal. `unitParam`/`nowParam` are placeholders already bound
 * to the principal's unit id (or null) and the current time. A unit's own work queues only hold
 * appeals it leads; co-units find theirs in the full list.
 */
export function queueCondition(q: Queue, unitParam: string, nowParam: string): string {
  const leads = `(${unitParam}::uuid is null or exists (select 1 from appeal_units l where l.appeal_id = a.id and l.is_current and l.role = 'lead' and l.unit_id = ${unitParam}::uuid))`;
  switch (q) {
    case 'to_accept':
      return `a.status = 'submitted'`;
    case 'to_assign':
      return `a.status = 'accepted'`;
    case 'to_sign':
      return `a.status in ('assigned', 'reopened') and ${leads}`;
    case 'in_progress':
      return `a.status = 'in_progress' and ${leads}`;
    case 'reply_review':
      return `a.status = 'reply_review' and ${leads}`;
    case 'due_soon':
      return `${RUNNING} and a.due_at >= ${nowParam}::timestamptz and a.due_at < ${nowParam}::timestamptz + interval '24 hours' and ${leads}`;
    case 'overdue':
      return `${RUNNING} and a.due_at < ${nowParam}::timestamptz and ${leads}`;
    case 'returned':
      return `a.status = 'returned'`;
    case 'unsatisfied':
      return `a.unsatisfied_count > 0 and a.status not in ('closed', 'rejected', 'merged') and ${leads}`;
    case 'summoned':
      return `exists (select 1 from appeal_units s where s.appeal_id = a.id and s.is_current and s.role = 'summoned' and s.reported_at is null
                and (${unitParam}::uuid is null or s.unit_id = ${unitParam}::uuid))`;
    case 'extension_pending':
      return `exists (select 1 from extensions e where e.appeal_id = a.id and e.state = 'pending')`;
  }
}

/** Counts of every queue for the principal, in one scan of the appeals they may see. */
export async function countQueues(db: Queryable, p: Principal, now: Date): Promise<Record<Queue, number>> {
  const params: unknown[] = [p.kind === 'staff' ? (p.unit?.id ?? null) : null, now];
  const scope = scopeCondition(p, 'a', params);
  const cols = QUEUES.map((q) => `count(*) filter (where ${queueCondition(q, '$1', '$2')})::int as "${q}"`).join(',\n');
  const res = await db.query<Record<Queue, number>>(`select ${cols} from appeals a where ${scope}`, params);
  const row = res.rows[0];
  return Object.fromEntries(QUEUES.map((q) => [q, row?.[q] ?? 0])) as Record<Queue, number>;
}
