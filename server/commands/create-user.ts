import crypto from 'node:crypto';
import { UNIT_ROLES, type Role } from '../../shared/domain';
import { hashPassword } from '../auth/passwords';
import type { Queryable } from '../db/pool';
import { AppError, invalid } from '../errors';
import { findUnitByCode } from '../repositories/units';
import { insertUser } from '../repositories/users';

/** Fields of a new staff account. `passwordHash` lets the seed hash a shared demo password once. */
export interface NewUserInput {
  username: string;
  password?: string;
  passwordHash?: string;
  displayName: string;
  role: Role;
  unitCode?: string | null;
}

/** Creates a staff user; unit roles must name a unit. Returns the new id. */
export async function createUser(db: Queryable, input: NewUserInput): Promise<string> {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(input.username)) throw invalid('username', 'lower-case letters, digits, . _ - (2–64)');
  if (UNIT_ROLES.includes(input.role) && !input.unitCode) throw invalid('unitCode', `role ${input.role} belongs to a unit`);
  const unit = input.unitCode ? await findUnitByCode(db, input.unitCode) : null;
  if (input.unitCode && !unit) throw invalid('unitCode', `no unit ${input.unitCode}`);
  if (!input.passwordHash && (!input.password || input.password.length < 8)) throw invalid('password', 'at least 8 characters');
  const id = crypto.randomUUID();
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? ''));
  const created = await insertUser(db, { id, username: input.username, passwordHash, displayName: input.displayName, role: input.role, unitId: unit?.id ?? null });
  if (!created) throw new AppError(409, 'CONFLICT', `username ${input.username} is taken`);
  return id;
}
