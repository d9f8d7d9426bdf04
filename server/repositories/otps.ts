import type { Queryable } from '../db/pool';

/** A one-time code sent to a phone (only its hash is kept). */
export interface Otp {
  id: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  consumedAt: Date | null;
  createdAt: Date;
}

/** Stores a new code. */
export async function insertOtp(db: Queryable, o: { id: string; phone: string; codeHash: string; expiresAt: Date }, at: Date): Promise<void> {
  await db.query('insert into resident_otps (id, phone, code_hash, expires_at, created_at) values ($1, $2, $3, $4, $5)', [o.id, o.phone, o.codeHash, o.expiresAt, at]);
}

/** The newest code of a phone (locked when verifying, so two guesses cannot race). */
export async function latestOtp(db: Queryable, phone: string, lock = false): Promise<Otp | null> {
  const res = await db.query<Otp>(
    `select id, code_hash as "codeHash", attempts, expires_at as "expiresAt", consumed_at as "consumedAt", created_at as "createdAt"
       from resident_otps where phone = $1 order by created_at desc limit 1${lock ? ' for update' : ''}`,
    [phone],
  );
  return res.rows[0] ?? null;
}

/** Codes sent to a phone since a time (rate limiting). */
export async function countRecentOtps(db: Queryable, phone: string, since: Date): Promise<number> {
  const res = await db.query<{ n: number }>('select count(*)::int as n from resident_otps where phone = $1 and created_at > $2', [phone, since]);
  return res.rows[0]?.n ?? 0;
}

/** Counts a wrong guess. */
export async function recordOtpAttempt(db: Queryable, id: string): Promise<void> {
  await db.query('update resident_otps set attempts = attempts + 1 where id = $1', [id]);
}

/** Marks a code used. */
export async function consumeOtp(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('update resident_otps set consumed_at = $2 where id = $1', [id, at]);
}
