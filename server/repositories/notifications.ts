import type { Queryable } from '../db/pool';

/** A message to a unit, user or resident, shown in their inbox (and sent by SMS for residents). */
export interface NewNotification {
  appealId: string | null;
  recipientUnitId?: string | null;
  recipientUserId?: string | null;
  recipientPhone?: string | null;
  kind: string;
  message: string;
}

/** Stores a notification. */
export async function insertNotification(db: Queryable, n: NewNotification, at: Date): Promise<void> {
  await db.query(
    `insert into notifications (appeal_id, recipient_unit_id, recipient_user_id, recipient_phone, kind, message, created_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [n.appealId, n.recipientUnitId ?? null, n.recipientUserId ?? null, n.recipientPhone ?? null, n.kind, n.message, at],
  );
}

/** Notifications of a unit, newest first. */
export async function listUnitNotifications(db: Queryable, unitId: string, limit = 50) {
  const res = await db.query<{ id: number; appealId: string | null; kind: string; message: string; createdAt: Date; readAt: Date | null }>(
    `select id, appeal_id as "appealId", kind, message, created_at as "createdAt", read_at as "readAt"
       from notifications where recipient_unit_id = $1 order by created_at desc, id desc limit $2`,
    [unitId, limit],
  );
  return res.rows;
}
