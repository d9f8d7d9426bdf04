import crypto from 'node:crypto';
import type { Role, UnitKind } from '../../shared/domain';
import { hashPassword } from '../auth/passwords';
import type { StaffPrincipal } from '../auth/principal';
import { openSession } from '../auth/session';
import { createUser } from '../commands/create-user';
import type { AppContext } from '../context';
import type { Queryable } from '../db/pool';
import { findUnit, insertUnit, type Unit } from '../repositories/units';
import { CITY_CODE } from '../seed/reference';

/** The demo password; every demo user has it (printed by the README and the start-up log). */
export const DEMO_PASSWORD = 'minsheng-demo';

let demoHash: Promise<string> | undefined;
/** The demo password's hash, computed once per process (argon2 is deliberately slow). */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

/** Creates a unit; code and name default to unique values so tests never collide. */
export async function buildUnit(
  db: Queryable,
  opts: { kind?: UnitKind; regionCode?: string; parentId?: string | null; requiresReplyReview?: boolean; code?: string; name?: string } = {},
): Promise<Unit> {
  const id = crypto.randomUUID();
  const code = opts.code ?? `u${id.slice(0, 8)}`;
  await insertUnit(db, {
    id,
    code,
    name: opts.name ?? `测试单位${code}`,
    kind: opts.kind ?? 'department',
    regionCode: opts.regionCode ?? CITY_CODE,
    parentId: opts.parentId ?? null,
    requiresReplyReview: opts.requiresReplyReview ?? false,
  });
  const unit = await findUnit(db, id);
  if (!unit) throw new Error('unit vanished');
  return unit;
}

/** A staff member with a live session: the principal commands take and the bearer token HTTP tests send. */
export interface StaffFixture {
  principal: StaffPrincipal;
  token: string;
}

/** Creates a staff user (optionally of a unit) with the demo password and opens a session for them. */
export async function buildStaff(ctx: AppContext, role: Role, unit: Unit | null = null, username?: string): Promise<StaffFixture> {
  const name = username ?? `${role}-${crypto.randomUUID().slice(0, 8)}`;
  const userId = await createUser(ctx.pool, { username: name, passwordHash: await demoPasswordHash(), displayName: name, role, unitCode: unit?.code ?? null });
  const { token } = await openSession(ctx, { userId });
  return {
    token,
    principal: {
      kind: 'staff',
      userId,
      username: name,
      displayName: name,
      role,
      unit: unit ? { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, regionCode: unit.regionCode, regionPath: unit.regionPath } : null,
    },
  };
}

/** A unique mainland mobile number for a test resident. */
export function randomPhone(): string {
  return `139${String(crypto.randomInt(0, 100_000_000)).padStart(8, '0')}`;
}
