import type { Queryable } from '../db/pool';
import categoriesData from './data/categories.json';
import { cityRegionRows, findCity } from './cities';
import { installedCity } from '../repositories/reference';
import { installShippedModel } from '../dispatch/shipped';

/** Default time-limit classes (DOMAIN.md): urgent/simple 2 working days, general 5, complex at consultation. */
export const DEFAULT_TIME_LIMIT_CLASSES = [
  { code: 'urgent', name: '紧急/简单', signDays: 0, handleDays: 2, warnBeforeHours: 8 },
  { code: 'general', name: '一般', signDays: 1, handleDays: 5, warnBeforeHours: 24 },
  { code: 'complex', name: '复杂（会商确定）', signDays: 1, handleDays: null, warnBeforeHours: 24 },
] as const;

/** The demo city's code (阜阳市), also the city a database is set up for when none is named. */
export const CITY_CODE = '341200';

/**
 * Loads the reference data every installation starts with: the city's regions (from the shipped
 * national division codes: `city` is a code or name, MINSHENG_CITY in the server), the category
 * tree and the time-limit classes. Idempotent. A database holds one city: asking for another one
 * than it was set up for is refused, naming both.
 */
export async function seedReferenceData(db: Queryable, opts: { city?: string } = {}): Promise<void> {
  const wanted = findCity(opts.city ?? CITY_CODE);
  const { city } = wanted;
  const other = await installedCity(db);
  if (other && other.code !== city.code) throw new Error(`this database is set up for ${other.name} (${other.code}), not ${city.name} (${city.code}): use a new database for another city`);
  // Rows come parents first, so each path is its parent's path plus its own code.
  const rows = cityRegionRows(wanted);
  const paths = new Map<string, string>();
  for (const r of rows) paths.set(r.code, `${r.parentCode ? paths.get(r.parentCode) : '/'}${r.code}/`);
  await db.query(
    `insert into regions (code, name, level, parent_code, path)
     select * from unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::text[]) on conflict (code) do nothing`,
    [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.parentCode), rows.map((r) => paths.get(r.code))],
  );
  for (const c of DEFAULT_TIME_LIMIT_CLASSES) {
    await db.query(
      `insert into time_limit_classes (code, name, sign_days, handle_days, warn_before_hours) values ($1, $2, $3, $4, $5) on conflict (code) do nothing`,
      [c.code, c.name, c.signDays, c.handleDays, c.warnBeforeHours],
    );
  }
  for (const c of categoriesData.categories) {
    await db.query(
      `insert into categories (code, name, parent_code, level, time_limit_class) values ($1, $2, $3, $4, $5) on conflict (code) do nothing`,
      [c.code, c.name, 'parent' in c ? c.parent : null, c.level, c.timeLimitClass],
    );
  }
  // The account automatic steps act as (智能分派): it cannot log in, but its actions carry a name.
  await db.query(
    `insert into users (id, username, password_hash, display_name, role, is_active) values ($1, 'system', '!', '智能分派', 'dispatcher', false)
     on conflict (id) do nothing`,
    [SYSTEM_USER_ID],
  );
  await installShippedModel(db);
}

/** The id of the system account automatic dispatch acts as. */
export const SYSTEM_USER_ID = '00000000-0000-4000-8000-000000000001';
