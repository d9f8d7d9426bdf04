import type { Queryable } from '../db/pool';
import type { Role } from '../../shared/domain';

/** A staff account as stored. */
export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  isActive: boolean;
}

const USER_SELECT = `id, username, password_hash as "passwordHash", display_name as "displayName", role, unit_id as "unitId", is_active as "isActive"`;

/** A user by login name. */
export async function findUserByUsername(db: Queryable, username: string): Promise<UserRecord | null> {
  const res = await db.query<UserRecord>(`select ${USER_SELECT} from users where username = $1`, [username]);
  return res.rows[0] ?? null;
}

/** A user by id. */
export async function findUserById(db: Queryable, id: string): Promise<UserRecord | null> {
  const res = await db.query<UserRecord>(`select ${USER_SELECT} from users where id = $1`, [id]);
  return res.rows[0] ?? null;
}

/** Creates a user; returns false if the username is taken. */
export async function insertUser(
  db: Queryable,
  u: { id: string; username: string; passwordHash: string; displayName: string; role: Role; unitId: string | null },
): Promise<boolean> {
  const res = await db.query(
    `insert into users (id, username, password_hash, display_name, role, unit_id) values ($1, $2, $3, $4, $5, $6)
     on conflict (username) do nothing`,
    [u.id, u.username, u.passwordHash, u.displayName, u.role, u.unitId],
  );
  return res.rowCount === 1;
}

/** All staff accounts without password hashes, for the admin screen. */
export async function listUsers(db: Queryable) {
  const res = await db.query<{ id: string; username: string; displayName: string; role: Role; unitId: string | null; unitName: string | null; isActive: boolean }>(
    `select s.id, s.username, s.display_name as "displayName", s.role, s.unit_id as "unitId", u.name as "unitName", s.is_active as "isActive"
       from users s left join units u on u.id = s.unit_id order by s.unit_id nulls first, s.username`,
  );
  return res.rows;
}
