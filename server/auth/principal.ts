import type { Role, UnitKind } from '../../shared/domain';

/** The unit a staff user acts for, with what scoping needs. */
export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  regionCode: string;
  regionPath: string;
}

/** A logged-in staff member. */
export interface StaffPrincipal {
  kind: 'staff';
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  unit: UnitRef | null;
}

/** A resident who proved their phone with a one-time code. */
export interface ResidentPrincipal {
  kind: 'resident';
  phone: string;
}

export type Principal = StaffPrincipal | ResidentPrincipal;

/** City-level roles see every appeal unless they are attached to a unit (a county sub-platform). */
export const CITY_ROLES: readonly Role[] = ['admin', 'operator', 'dispatcher', 'supervisor', 'leader', 'duty_officer', 'monitor'];

/** Whether a staff principal sees every appeal in the city. */
export function isCityWide(p: StaffPrincipal): boolean {
  return p.unit === null && CITY_ROLES.includes(p.role);
}
