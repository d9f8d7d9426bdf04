import type { Queryable } from '../db/pool';
import type { UnitRef } from '../auth/principal';
import type { UnitKind } from '../../shared/domain';

/** A handling unit (单位) as stored. */
export interface Unit extends UnitRef {
  parentId: string | null;
  requiresReplyReview: boolean;
  isActive: boolean;
}

const UNIT_SELECT = `u.id, u.code, u.name, u.kind, u.region_code as "regionCode", r.path as "regionPath",
  u.parent_id as "parentId", u.requires_reply_review as "requiresReplyReview", u.is_active as "isActive"`;

/** Units by id (missing ids are simply absent from the result). */
export async function findUnits(db: Queryable, ids: string[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  const res = await db.query<Unit>(`select ${UNIT_SELECT} from units u join regions r on r.code = u.region_code where u.id = any($1)`, [ids]);
  return res.rows;
}

/** One unit by id. */
export async function findUnit(db: Queryable, id: string): Promise<Unit | null> {
  return (await findUnits(db, [id]))[0] ?? null;
}

/** One unit by its code. */
export async function findUnitByCode(db: Queryable, code: string): Promise<Unit | null> {
  const res = await db.query<Unit>(`select ${UNIT_SELECT} from units u join regions r on r.code = u.region_code where u.code = $1`, [code]);
  return res.rows[0] ?? null;
}

/** All units, ordered for a tree view. */
export async function listUnits(db: Queryable): Promise<Unit[]> {
  const res = await db.query<Unit>(`select ${UNIT_SELECT} from units u join regions r on r.code = u.region_code order by r.path, u.kind, u.code`);
  return res.rows;
}

/** Creates a unit. */
export async function insertUnit(
  db: Queryable,
  u: { id: string; code: string; name: string; kind: UnitKind; regionCode: string; parentId: string | null; requiresReplyReview: boolean },
): Promise<void> {
  await db.query(
    `insert into units (id, code, name, kind, region_code, parent_id, requires_reply_review) values ($1, $2, $3, $4, $5, $6, $7)`,
    [u.id, u.code, u.name, u.kind, u.regionCode, u.parentId, u.requiresReplyReview],
  );
}
