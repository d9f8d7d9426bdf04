import type { Queryable } from '../db/pool';

/** One shift of the 24-hour duty roster (值班表), with who is on it. */
export interface DutyShift {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  startsAt: Date;
  endsAt: Date;
  isLead: boolean;
  createdBy: string | null;
  createdAt: Date;
}

/** A handover note (交接班) written at the end of a shift. */
export interface DutyHandover {
  id: string;
  shiftId: string | null;
  authorId: string;
  authorName: string;
  note: string;
  createdAt: Date;
  shiftStartsAt: Date | null;
  shiftEndsAt: Date | null;
}

/** A staff member who may be put on the roster. */
export interface DutyOfficer {
  id: string;
  username: string;
  displayName: string;
}

const SHIFT_SELECT = `s.id, s.user_id as "userId", u.username, u.display_name as "displayName", s.starts_at as "startsAt",
  s.ends_at as "endsAt", s.is_lead as "isLead", s.created_by as "createdBy", s.created_at as "createdAt"`;

/** Shifts overlapping [from, to), in time order. */
export async function listShifts(db: Queryable, from: Date, to: Date): Promise<DutyShift[]> {
  const res = await db.query<DutyShift>(
    `select ${SHIFT_SELECT} from duty_shifts s join users u on u.id = s.user_id
      where s.starts_at < $2 and s.ends_at > $1 order by s.starts_at, u.display_name`,
    [from, to],
  );
  return res.rows;
}

/** One shift by id. */
export async function findShift(db: Queryable, id: string): Promise<DutyShift | null> {
  const res = await db.query<DutyShift>(`select ${SHIFT_SELECT} from duty_shifts s join users u on u.id = s.user_id where s.id = $1`, [id]);
  return res.rows[0] ?? null;
}

/**
 * Locks the user's row so two concurrent roster edits for the same person serialise, then reports a
 * shift of theirs overlapping [startsAt, endsAt) if there is one. Call inside a transaction.
 */
export async function lockAndFindOverlap(db: Queryable, userId: string, startsAt: Date, endsAt: Date): Promise<DutyShift | null> {
  await db.query(`select 1 from users where id = $1 for update`, [userId]);
  const res = await db.query<DutyShift>(
    `select ${SHIFT_SELECT} from duty_shifts s join users u on u.id = s.user_id
      where s.user_id = $1 and s.starts_at < $3 and s.ends_at > $2 order by s.starts_at limit 1`,
    [userId, startsAt, endsAt],
  );
  return res.rows[0] ?? null;
}

/** Stores a shift (the caller checked overlaps under the user lock). */
export async function insertShift(
  db: Queryable,
  s: { id: string; userId: string; startsAt: Date; endsAt: Date; isLead: boolean; createdBy: string },
): Promise<void> {
  await db.query(`insert into duty_shifts (id, user_id, starts_at, ends_at, is_lead, created_by) values ($1, $2, $3, $4, $5, $6)`, [
    s.id,
    s.userId,
    s.startsAt,
    s.endsAt,
    s.isLead,
    s.createdBy,
  ]);
}

/** Removes a shift and detaches its handover notes (the notes stay on record); false if unknown. */
export async function deleteShift(db: Queryable, id: string): Promise<boolean> {
  await db.query(`update duty_handovers set shift_id = null where shift_id = $1`, [id]);
  const res = await db.query(`delete from duty_shifts where id = $1`, [id]);
  return res.rowCount === 1;
}

/** Who is on duty at `at`, and the shifts that start next (all those sharing the earliest later start). */
export async function shiftsAround(db: Queryable, at: Date): Promise<{ now: DutyShift[]; next: DutyShift[] }> {
  const current = await db.query<DutyShift>(
    `select ${SHIFT_SELECT} from duty_shifts s join users u on u.id = s.user_id
      where s.starts_at <= $1 and s.ends_at > $1 order by s.is_lead desc, s.starts_at`,
    [at],
  );
  const next = await db.query<DutyShift>(
    `select ${SHIFT_SELECT} from duty_shifts s join users u on u.id = s.user_id
      where s.starts_at = (select min(starts_at) from duty_shifts where starts_at > $1) order by s.is_lead desc, u.display_name`,
    [at],
  );
  return { now: current.rows, next: next.rows };
}

/** The user's shift running at `at`, if any (a handover note is filed under it). */
export async function currentShiftOf(db: Queryable, userId: string, at: Date): Promise<DutyShift | null> {
  const res = await db.query<DutyShift>(
    `select ${SHIFT_SELECT} from duty_shifts s join users u on u.id = s.user_id
      where s.user_id = $1 and s.starts_at <= $2 and s.ends_at > $2 order by s.starts_at desc limit 1`,
    [userId, at],
  );
  return res.rows[0] ?? null;
}

/** Active duty officers, for the roster form. */
export async function listDutyOfficers(db: Queryable): Promise<DutyOfficer[]> {
  const res = await db.query<DutyOfficer>(
    `select id, username, display_name as "displayName" from users where role = 'duty_officer' and is_active order by display_name, username`,
  );
  return res.rows;
}

/** Whether a user is an active duty officer. */
export async function isDutyOfficer(db: Queryable, userId: string): Promise<boolean> {
  const res = await db.query(`select 1 from users where id = $1 and role = 'duty_officer' and is_active`, [userId]);
  return (res.rowCount ?? 0) > 0;
}

const HANDOVER_SELECT = `h.id, h.shift_id as "shiftId", h.author_id as "authorId", u.display_name as "authorName", h.note,
  h.created_at as "createdAt", s.starts_at as "shiftStartsAt", s.ends_at as "shiftEndsAt"`;

/** The newest handover notes first. */
export async function listHandovers(db: Queryable, limit: number): Promise<DutyHandover[]> {
  const res = await db.query<DutyHandover>(
    `select ${HANDOVER_SELECT} from duty_handovers h join users u on u.id = h.author_id left join duty_shifts s on s.id = h.shift_id
      order by h.created_at desc, h.id limit $1`,
    [limit],
  );
  return res.rows;
}

/** Stores a handover note and returns it as listed. */
export async function insertHandover(db: Queryable, h: { id: string; shiftId: string | null; authorId: string; note: string; at: Date }): Promise<DutyHandover> {
  await db.query(`insert into duty_handovers (id, shift_id, author_id, note, created_at) values ($1, $2, $3, $4, $5)`, [h.id, h.shiftId, h.authorId, h.note, h.at]);
  const res = await db.query<DutyHandover>(
    `select ${HANDOVER_SELECT} from duty_handovers h join users u on u.id = h.author_id left join duty_shifts s on s.id = h.shift_id where h.id = $1`,
    [h.id],
  );
  const row = res.rows[0];
  if (!row) throw new Error('handover vanished');
  return row;
}
