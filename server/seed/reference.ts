import type { Queryable } from '../db/pool';
import categoriesData from './data/categories.json';
import { findCity } from './cities';
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
  const { province, city, counties } = findCity(opts.city ?? CITY_CODE);
  const existing = await db.query<{ code: string; name: string }>(`select code, name from regions where level = 2`);
  const other = existing.rows.find((r) => r.code !== city.code);
  if (other) throw new Error(`this database is set up for ${other.name} (${other.code}), not ${city.name} (${city.code}): use a new database for another city`);
  const rows: [string, string, number, string | null, string][] = [];
  const provincePath = `/${province.code}/`;
  const cityPath = `${provincePath}${city.code}/`;
  rows.push([province.code, province.name, 1, null, provincePath], [city.code, city.name, 2, province.code, cityPath]);
  for (const county of counties) {
    const countyPath = `${cityPath}${county.code}/`;
    rows.push([county.code, county.name, 3, city.code, countyPath]);
    for (const town of county.towns) rows.push([town.code, town.name, 4, county.code, `${countyPath}${town.code}/`]);
  }
  await db.query(
    `insert into regions (code, name, level, parent_code, path)
     select * from unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::text[]) on conflict (code) do nothing`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
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
