import type { Queryable } from '../db/pool';

/** A unit's part in an appeal: lead (主办), co (协办), summoned (吹哨报到), supervising (提级). */
export interface Participation {
  unitId: string;
  unitCode: string;
  unitName: string;
  unitKind: string;
  role: 'lead' | 'co' | 'summoned' | 'supervising';
  isCurrent: boolean;
  createdAt: Date;
  reportedAt: Date | null;
}

/** Units on an appeal, current first. */
export async function listParticipation(db: Queryable, appealId: string): Promise<Participation[]> {
  const res = await db.query<Participation>(
    `select au.unit_id as "unitId", u.code as "unitCode", u.name as "unitName", u.kind as "unitKind", au.role,
            au.is_current as "isCurrent", au.created_at as "createdAt", au.reported_at as "reportedAt"
       from appeal_units au join units u on u.id = au.unit_id
      where au.appeal_id = $1 order by au.is_current desc, au.created_at`,
    [appealId],
  );
  return res.rows;
}

/** Adds (or re-activates) a unit on an appeal. */
export async function addParticipation(db: Queryable, appealId: string, unitId: string, role: Participation['role'], at: Date): Promise<void> {
  await db.query(
    `insert into appeal_units (appeal_id, unit_id, role, is_current, created_at) values ($1, $2, $3, true, $4)
     on conflict (appeal_id, unit_id, role) do update set is_current = true, created_at = excluded.created_at, reported_at = null`,
    [appealId, unitId, role, at],
  );
}

/** Ends the current participation of the given roles (e.g. lead and co on reassignment). */
export async function endParticipation(db: Queryable, appealId: string, roles: Participation['role'][]): Promise<void> {
  await db.query('update appeal_units set is_current = false where appeal_id = $1 and role = any($2) and is_current', [appealId, roles]);
}

/** Marks a summoned unit as reported (报到). */
export async function markReported(db: Queryable, appealId: string, unitId: string, at: Date): Promise<void> {
  await db.query(`update appeal_units set reported_at = $3 where appeal_id = $1 and unit_id = $2 and role = 'summoned'`, [appealId, unitId, at]);
}
