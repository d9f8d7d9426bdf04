import type { Queryable } from '../db/pool';

/** A category (分类) with its time-limit class. */
export interface Category {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  timeLimitClass: string | null;
}

/** A time-limit class (办理时限). handleDays null = set at consultation. */
export interface TimeLimitClassRecord {
  code: string;
  name: string;
  signDays: number;
  handleDays: number | null;
  warnBeforeHours: number;
}

/** A region (行政区划). */
export interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  path: string;
}

/** All categories. */
export async function listCategories(db: Queryable): Promise<Category[]> {
  const res = await db.query<Category>(
    `select code, name, parent_code as "parentCode", level, time_limit_class as "timeLimitClass" from categories order by code`,
  );
  return res.rows;
}

/** One category. */
export async function findCategory(db: Queryable, code: string): Promise<Category | null> {
  const res = await db.query<Category>(
    `select code, name, parent_code as "parentCode", level, time_limit_class as "timeLimitClass" from categories where code = $1`,
    [code],
  );
  return res.rows[0] ?? null;
}

/** All time-limit classes. */
export async function listTimeLimitClasses(db: Queryable): Promise<TimeLimitClassRecord[]> {
  const res = await db.query<TimeLimitClassRecord>(
    `select code, name, sign_days as "signDays", handle_days as "handleDays", warn_before_hours as "warnBeforeHours"
       from time_limit_classes order by coalesce(handle_days, 1000), code`,
  );
  return res.rows;
}

/** One time-limit class. */
export async function findTimeLimitClass(db: Queryable, code: string): Promise<TimeLimitClassRecord | null> {
  return (await listTimeLimitClasses(db)).find((c) => c.code === code) ?? null;
}

/** One region. */
export async function findRegion(db: Queryable, code: string): Promise<Region | null> {
  const res = await db.query<Region>(`select code, name, level, parent_code as "parentCode", path from regions where code = $1`, [code]);
  return res.rows[0] ?? null;
}

/** Regions down to a level (e.g. 4 = towns), for pickers and the gazetteer. */
export async function listRegions(db: Queryable, maxLevel = 4): Promise<Region[]> {
  const res = await db.query<Region>(
    `select code, name, level, parent_code as "parentCode", path from regions where level <= $1 order by path`,
    [maxLevel],
  );
  return res.rows;
}

/** Sets a category's time-limit class. */
export async function updateCategoryTimeLimit(db: Queryable, code: string, timeLimitClass: string): Promise<void> {
  await db.query('update categories set time_limit_class = $2 where code = $1', [code, timeLimitClass]);
}

/** Changes a time-limit class; returns it. */
export async function updateTimeLimitClass(
  db: Queryable,
  code: string,
  v: { signDays: number; handleDays: number | null; warnBeforeHours: number },
): Promise<TimeLimitClassRecord | null> {
  await db.query('update time_limit_classes set sign_days = $2, handle_days = $3, warn_before_hours = $4 where code = $1', [code, v.signDays, v.handleDays, v.warnBeforeHours]);
  return findTimeLimitClass(db, code);
}

/** The city this database is set up for (a database holds one), or null before the reference data. */
export async function installedCity(db: Queryable): Promise<{ code: string; name: string } | null> {
  const res = await db.query<{ code: string; name: string }>('select code, name from regions where level = 2 limit 1');
  return res.rows[0] ?? null;
}
