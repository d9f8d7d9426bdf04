import type { Queryable } from '../db/pool';

/** Who a session token belongs to. */
export interface SessionRecord {
  userId: string | null;
  residentPhone: string | null;
  expiresAt: Date;
}

/** Stores a session by the hash of its token. */
export async function insertSession(
  db: Queryable,
  s: { tokenHash: string; userId: string | null; residentPhone: string | null; expiresAt: Date },
): Promise<void> {
  await db.query('insert into sessions (token_hash, user_id, resident_phone, expires_at) values ($1, $2, $3, $4)', [
    s.tokenHash,
    s.userId,
    s.residentPhone,
    s.expiresAt,
  ]);
}

/** A live session by token hash. */
export async function findSession(db: Queryable, tokenHash: string, now: Date): Promise<SessionRecord | null> {
  const res = await db.query<SessionRecord>(
    `select user_id as "userId", resident_phone as "residentPhone", expires_at as "expiresAt"
       from sessions where token_hash = $1 and expires_at > $2`,
    [tokenHash, now],
  );
  return res.rows[0] ?? null;
}

/** Ends a session. */
export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [tokenHash]);
}
