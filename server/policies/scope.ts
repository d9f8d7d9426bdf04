import { isCityWide, type Principal } from '../auth/principal';

/**
 * Which appeals a principal may see, as one SQL condition on the appeals alias — the single
 * definition used by lists, reads and transitions alike, so they can never disagree.
 * - city-level roles: all appeals;
 * - a unit: appeals it currently leads, co-handles, was summoned to or supervises;
 *   a region government also those of the units in its region and sub-regions;
 *   a (county) platform also those located in its region;
 * - a resident: their own appeals (by verified phone).
 * Parameters are appended to `params`.
 */
export function scopeCondition(p: Principal, alias: string, params: unknown[]): string {
  if (p.kind === 'resident') {
    params.push(p.phone);
    return `${alias}.phone = $${params.length}`;
  }
  if (isCityWide(p)) return 'true';
  const unit = p.unit;
  if (!unit) return 'false';
  params.push(unit.id);
  const unitParam = `$${params.length}`;
  const byUnit =
    unit.kind === 'region'
      ? (() => {
          params.push(`${unit.regionPath}%`);
          return `(au.unit_id = ${unitParam} or u.region_code in (select code from regions where path like $${params.length}))`;
        })()
      : `au.unit_id = ${unitParam}`;
  const participates = `exists (select 1 from appeal_units au join units u on u.id = au.unit_id
      where au.appeal_id = ${alias}.id and au.is_current and ${byUnit})`;
  if (unit.kind !== 'platform') return participates;
  params.push(`${unit.regionPath}%`);
  return `(${participates} or ${alias}.region_code in (select code from regions where path like $${params.length}))`;
}
