import type { Queryable } from '../db/pool';

/** A unit's request for more time (延期申请). */
export interface Extension {
  id: string;
  appealId: string;
  unitId: string;
  days: number;
  reason: string;
  state: 'pending' | 'granted' | 'refused';
  createdAt: Date;
}

/** The pending extension request of an appeal, if any. */
export async function pendingExtension(db: Queryable, appealId: string): Promise<Extension | null> {
  const res = await db.query<Extension>(
    `select id, appeal_id as "appealId", unit_id as "unitId", days, reason, state, created_at as "createdAt"
       from extensions where appeal_id = $1 and state = 'pending'`,
    [appealId],
  );
  return res.rows[0] ?? null;
}

/** Files an extension request. */
export async function insertExtension(
  db: Queryable,
  e: { id: string; appealId: string; unitId: string; requestedBy: string; days: number; reason: string },
  at: Date,
): Promise<void> {
  await db.query(
    `insert into extensions (id, appeal_id, unit_id, requested_by, days, reason, state, created_at) values ($1, $2, $3, $4, $5, $6, 'pending', $7)`,
    [e.id, e.appealId, e.unitId, e.requestedBy, e.days, e.reason, at],
  );
}

/** Grants or refuses an extension request. */
export async function decideExtension(
  db: Queryable,
  id: string,
  state: 'granted' | 'refused',
  days: number,
  deciderId: string,
  note: string | null,
  at: Date,
): Promise<void> {
  await db.query('update extensions set state = $2, days = $3, decided_by = $4, decision_note = $5, decided_at = $6 where id = $1', [
    id,
    state,
    days,
    deciderId,
    note,
    at,
  ]);
}
